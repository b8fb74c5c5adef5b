// Defensive readers for untyped platform JSON (webhook bodies and API answers are `unknown`).

export type Obj = Record<string, unknown>;

export function asObject(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Strings as they are; finite numbers as decimal strings (ids sometimes arrive as numbers). */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A credential by name, or '' when the channel lacks it. */
export function credential(credentials: Record<string, string>, name: string): string {
  const value = credentials[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Every credential value, raw and URL-encoded (tokens travel in query strings, where `:` becomes
 * `%3A`): what `redact` must blank out of any text we hand back.
 */
export function secretsOf(credentials: Record<string, string>, extra: string[] = []): string[] {
  const raw = [...Object.values(credentials), ...extra].filter((s) => typeof s === 'string' && s.length > 0);
  return [...new Set([...raw, ...raw.map((s) => encodeURIComponent(s))])];
}
