// Input values that parse as JSON (or arrive in a URL) but that PostgreSQL, or our own JSON
// handling, cannot take — found before anything is written, so the caller gets a 400 naming the
// field instead of a 500 from the database halfway through a request:
//   - a NUL character (\u0000): text and jsonb refuse it (22P05 / 22021);
//   - a lone UTF-16 surrogate ("\ud800" in JSON text): not a character at all; jsonb refuses it,
//     text columns would silently store U+FFFD instead;
//   - a number that is not finite: JSON has none, but type coercion turns a 400-digit id in a URL
//     or a body into Infinity, which no integer column takes;
//   - nesting deeper than MAX_JSON_DEPTH: JSON.stringify (the database drivers', the logger's, ours)
//     recurses and runs out of stack a few thousand levels down; no real payload nests so deep.
// Object keys are checked like strings: jsonb stores them too.

export const MAX_JSON_DEPTH = 64;

export type ValuePath = Array<string | number>;

export interface Unstorable {
  /** Where: the keys and indexes from the root to the offending value (or, for a bad key, its object). */
  path: ValuePath;
  /** What is wrong, to follow the field's name: "contains a NUL character …". */
  problem: string;
  kind: 'nul' | 'surrogate' | 'not_finite' | 'too_deep';
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(value: string, what: string): Pick<Unstorable, 'problem' | 'kind'> | null {
  if (value.includes('\u0000')) return { kind: 'nul', problem: `${what} a NUL character (\\u0000), which cannot be stored` };
  if (LONE_SURROGATE.test(value))
    return { kind: 'surrogate', problem: `${what} a lone UTF-16 surrogate (half of a character), which is not valid text` };
  return null;
}

function isWalkable(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  // Parsed JSON, and parsed query strings and path parameters (no prototype, or an empty class
  // whose prototype has none); never a Buffer, a Date or a stream.
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/** The first value in `value` that cannot be stored, or null when all of it can. */
export function findUnstorable(value: unknown, maxDepth = MAX_JSON_DEPTH): Unstorable | null {
  const walk = (node: unknown, path: ValuePath, depth: number): Unstorable | null => {
    if (typeof node === 'string') {
      const found = stringProblem(node, 'contains');
      return found && { path, ...found };
    }
    if (typeof node === 'number') {
      return Number.isFinite(node) ? null : { path, kind: 'not_finite', problem: 'is a number out of range' };
    }
    if (node === null || typeof node !== 'object' || !isWalkable(node)) return null;
    if (depth >= maxDepth) return { path, kind: 'too_deep', problem: `is nested more than ${maxDepth} levels deep` };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const found = walk(node[i], [...path, i], depth + 1);
        if (found) return found;
      }
      return null;
    }
    for (const [key, child] of Object.entries(node)) {
      const badKey = stringProblem(key, 'has a field name with');
      if (badKey) return { path, ...badKey };
      const found = walk(child, [...path, key], depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(value, [], 0);
}
