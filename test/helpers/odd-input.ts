// Odd input for the fuzz test (test/integration/fuzz.test.ts): values PostgreSQL or the JSON stack
// cannot take (a NUL byte, a lone UTF-16 surrogate, a number beyond bigint, 1e308, 5,000 levels of
// nesting), planted one at a time into a valid request. Deterministic: a seeded generator picks
// where in a string the odd character goes and which surrogate it is, so a failure replays.
import type { Json } from './json.ts';

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Path = Array<string | number>;

/** One odd request body: the value planted, where, and the field the 400 must name. */
export interface Mutation {
  what: string;
  body: Json;
  field: string;
}

/** Far beyond bigint (and beyond a double: it parses to Infinity). */
export function hugeDigits(random: () => number, length = 400): string {
  let digits = String(1 + Math.floor(random() * 9));
  while (digits.length < length) digits += String(Math.floor(random() * 10));
  return digits;
}

export function withNul(value: string, random: () => number): string {
  const at = Math.floor(random() * (value.length + 1));
  return value.slice(0, at) + '\u0000' + value.slice(at);
}

export function withLoneSurrogate(value: string, random: () => number): string {
  const at = Math.floor(random() * (value.length + 1));
  // A high surrogate with no low one after it, or a low one with no high one before it.
  const unit = random() < 0.5 ? 0xd800 + Math.floor(random() * 0x400) : 0xdc00 + Math.floor(random() * 0x400);
  return value.slice(0, at) + String.fromCharCode(unit) + value.slice(at);
}

/**
 * {"a":{"a":…}} `levels` deep. Kept as JSON text: JSON.stringify recurses and runs out of stack
 * long before 5,000 levels (JSON.parse does not), so the body is written with toJsonText().
 */
export class RawJson {
  constructor(readonly text: string) {}
}

export function deeplyNested(levels = 5000): RawJson {
  return new RawJson('{"a":'.repeat(levels - 1) + '{"a":"bottom"}' + '}'.repeat(levels - 1));
}

/** JSON text of a body that may hold RawJson parts. */
export function toJsonText(body: Json): string {
  const parts: string[] = [];
  const text = JSON.stringify(body, (_key, value) => {
    if (!(value instanceof RawJson)) return value;
    parts.push(value.text);
    return `\u0000raw:${parts.length - 1}`;
  });
  return text.replace(/"\\u0000raw:(\d+)"/g, (_, i: string) => parts[Number(i)]);
}

function clone(value: Json): Json {
  return value === undefined ? undefined : structuredClone(value);
}

function setAt(root: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = clone(root);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = replacement;
  return copy;
}

interface Node {
  path: Path;
  value: Json;
}

function nodes(value: Json, path: Path = []): Node[] {
  const here = [{ path, value }];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => nodes(v, [...path, i])));
  if (value && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k])));
  return here;
}

/** The name an error about `path` must mention: the nearest property name, or "body" at the root. */
export function fieldName(path: Path, root = 'body'): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  return named.length > 0 ? named[named.length - 1] : root;
}

type Schema = Record<string, Json>;

/** The schemas that may describe the value at `path` (unions expanded); [] where none says. */
function schemasAt(schema: Schema | undefined, path: Path): Schema[] {
  if (!schema) return [];
  // A union's branches, each with the keywords beside the union (a type list is written that way).
  const { anyOf, oneOf, ...beside } = schema;
  const alternatives: Schema[] = (anyOf ?? oneOf)?.map((branch: Schema) => ({ ...beside, ...branch })) ?? [schema];
  if (path.length === 0) return alternatives;
  const [head, ...rest] = path;
  return alternatives.flatMap((s) => {
    if (typeof head === 'number') return s.items ? schemasAt(s.items, rest) : [];
    const property = s.properties?.[head] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    return property ? schemasAt(property, rest) : [];
  });
}

/**
 * Where an integer goes: the schema says integer, or says nothing (a service checks it: a tag id,
 * a recurrence's days, an external call's subscriber id). Not inside `data`: any JSON goes there.
 */
function takesInteger(schema: Schema | undefined, path: Path): boolean {
  if (path.includes('data')) return false;
  const candidates = schemasAt(schema, path);
  return candidates.length === 0 || candidates.some((s) => s.type === 'integer' || s.multipleOf === 1 || s.type === undefined);
}

/** Where an id goes as a string: a user id, a subscriber id, an external call's users. */
const ID_NAME = /(^id|Id|Ids|^users)$/;

/** Every odd body made from a valid one: one odd value at a time, at every place it can go. */
export function bodyMutations(base: Json, schema: Schema | undefined, random: () => number): Mutation[] {
  const out: Mutation[] = [];
  for (const { path, value } of nodes(base)) {
    const field = fieldName(path);
    const at = path.join('.') || '(root)';
    if (typeof value === 'string') {
      out.push({ what: `NUL in ${at}`, body: setAt(base, path, withNul(value, random)), field });
      out.push({ what: `lone surrogate in ${at}`, body: setAt(base, path, withLoneSurrogate(value, random)), field });
      if (ID_NAME.test(field) && !path.includes('data'))
        out.push({ what: `400 digits in ${at}`, body: setAt(base, path, hugeDigits(random)), field });
    } else if (typeof value === 'number' && Number.isInteger(value) && takesInteger(schema, path)) {
      out.push({ what: `1e308 in ${at}`, body: setAt(base, path, 1e308), field });
      out.push({ what: `1.5 in ${at}`, body: setAt(base, path, 1.5), field });
      out.push({ what: `400 digits in ${at}`, body: setAt(base, path, hugeDigits(random)), field });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      out.push({ what: `5,000 levels of nesting in ${at}`, body: setAt(base, path, deeplyNested()), field });
      const key = withNul('key', random);
      out.push({ what: `NUL in a field name of ${at}`, body: setAt(base, path, { ...value, [key]: 'x' }), field });
    }
  }
  return out;
}

/** One odd query: the parameters as they go on the URL (a repeated one is a list), and the field. */
export interface QueryMutation {
  what: string;
  query: Array<[string, string]>;
  field: string;
}

export function queryString(pairs: Array<[string, string]>): string {
  return pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/**
 * Odd queries made from a valid one: NUL in each value, the parameter given twice, and for integer
 * or id parameters 400 digits, 1e308 and 1.5. (A lone surrogate cannot be written in a URL: its
 * percent-encoding is not UTF-8, and it stays as the literal text.)
 */
export function queryMutations(base: Record<string, string>, integers: Set<string>, random: () => number): QueryMutation[] {
  const out: QueryMutation[] = [];
  const entries = Object.entries(base);
  const replace = (name: string, value: string) => entries.map(([k, v]): [string, string] => [k, k === name ? value : v]);
  for (const [name, value] of entries) {
    out.push({ what: `NUL in ?${name}`, query: replace(name, withNul(value, random)), field: name });
    out.push({ what: `?${name} twice`, query: [...replace(name, value), [name, value]], field: name });
    if (integers.has(name) || ID_NAME.test(name)) {
      out.push({ what: `400 digits in ?${name}`, query: replace(name, hugeDigits(random)), field: name });
      if (integers.has(name)) {
        out.push({ what: `1e308 in ?${name}`, query: replace(name, '1e308'), field: name });
        out.push({ what: `1.5 in ?${name}`, query: replace(name, '1.5'), field: name });
      }
    }
  }
  return out;
}
