// {{variables}} in message texts and screens. Plain substitution, no logic, no code execution.
//
// Syntax
//   {{name}}              the value of `name`
//   {{ order.id }}        nested keys, dot-separated; spaces inside the braces are ignored;
//                         array elements by index: {{items.0.title}}
//   {{name|friend}}       a default, used when the value is missing, null or empty (""/whitespace);
//   {{ name | dear friend }}  the default is the text after the first "|", trimmed;
//   {{name|" friend "}}   quote it ("…" or '…') to keep surrounding spaces. A default cannot contain "{" or "}".
//   \{{name}}             a backslash before "{{" writes the tag literally: "{{name}}".
//   A key segment is letters (any script), digits, "_" or "-". Anything else between braces
//   ("{{ }}", "{{a b}}", "{{ :) }}", an unclosed "{{") is not a tag and is left as written.
//   Keys are case-sensitive.
//
// Values
//   string → as is; number → String(n) (NaN/Infinity count as missing); boolean → "true"/"false";
//   array of strings/numbers/booleans → joined with ", " ("Tea, Cake"); other arrays and objects →
//   compact JSON (it shows what was sent, instead of "[object Object]"); null/undefined → missing.
//   A missing variable without a default renders as "" and is reported in `missing` (for the log and
//   previews). A present but empty value without a default renders as "" and is not reported.
//
// Safety
//   Lookup walks only own data properties of plain objects (prototype Object.prototype or null) and
//   canonical indexes of arrays. "__proto__", "constructor" and "prototype" never resolve, not even as
//   own keys (JSON.parse can create an own "__proto__"). Getters are never called. Strings are not
//   walked into ({{name.length}} is missing). No HTML escaping here: each platform renderer escapes for
//   its own markup.
//   Scanning is a single linear regular-expression pass.

export interface TemplateVariable {
  /** Dot path as written, without spaces: "order.id". */
  path: string;
  /** The default given in the first tag for this path, if any. */
  defaultValue?: string;
}

export interface RenderResult {
  text: string;
  /** Paths (unique, in order of first appearance) that had no value and no default. */
  missing: string[];
}

export type TemplateContext = Readonly<Record<string, unknown>>;

const TAG_RE = /(\\?)\{\{([^{}]*)\}\}/g;
const PATH_RE = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*$/u;
const INDEX_RE = /^(?:0|[1-9]\d*)$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

interface Tag {
  path: string;
  defaultValue?: string;
}

/** Parses the inside of {{ … }}; null when it is not a tag. */
function parseTag(inner: string): Tag | null {
  const bar = inner.indexOf('|');
  const path = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  if (!PATH_RE.test(path)) return null;
  if (bar === -1) return { path };
  let defaultValue = inner.slice(bar + 1).trim();
  const q = defaultValue[0];
  if (defaultValue.length >= 2 && (q === '"' || q === "'") && defaultValue.endsWith(q)) {
    defaultValue = defaultValue.slice(1, -1);
  }
  return { path, defaultValue };
}

/** Fills the {{variables}} of `text` from `context`. */
export function renderTemplate(text: string, context: TemplateContext): RenderResult {
  const missing = new Set<string>();
  const out = text.replace(TAG_RE, (whole, escape: string, inner: string) => {
    if (escape) return whole.slice(1);
    const tag = parseTag(inner);
    if (!tag) return whole;
    const value = stringify(lookup(context, tag.path.split('.')));
    if (value !== undefined && value.trim() !== '') return value;
    if (tag.defaultValue !== undefined) return tag.defaultValue;
    if (value === undefined) missing.add(tag.path);
    return value ?? '';
  });
  return { text: out, missing: [...missing] };
}

/** The variables a text uses, unique by path, in order of first appearance (for previews and forms). */
export function listVariables(text: string): TemplateVariable[] {
  const seen = new Map<string, TemplateVariable>();
  for (const m of text.matchAll(TAG_RE)) {
    if (m[1]) continue;
    const tag = parseTag(m[2]);
    if (tag && !seen.has(tag.path)) seen.set(tag.path, tag);
  }
  return [...seen.values()];
}

/** Safe lookup of a dot path (see Safety above); undefined when anything along the way is missing. */
function lookup(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (FORBIDDEN.has(segment)) return undefined;
    if (Array.isArray(current)) {
      if (!INDEX_RE.test(segment)) return undefined;
    } else if (!isPlainObject(current)) {
      return undefined;
    }
    const descriptor = Object.getOwnPropertyDescriptor(current, segment);
    if (!descriptor || !('value' in descriptor)) return undefined;
    current = descriptor.value;
  }
  return current;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The text of a value, or undefined when it counts as missing. */
function stringify(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (value === null) return undefined;
      if (Array.isArray(value) && value.every(isScalar)) return value.map(String).join(', ');
      if (!Array.isArray(value) && !isPlainObject(value)) return undefined;
      try {
        return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
      } catch {
        return undefined; // a cycle: cannot come from JSON, so it is a bug upstream; show nothing
      }
    default:
      return undefined; // undefined, function, symbol
  }
}
