// One subscriber record of an import file, cleaned: its platform_user_id checked (an integer is
// taken as its digits), name, username and language trimmed and checked, tags split, trimmed and
// merged (the "Values" rules at the top of subscribers-file.ts). Pure; any importer can use it.
import { quoteForMessage } from './errors.ts';
import { defaultIdProblem } from './selected-users-csv.ts';

export const MAX_NAME_LENGTH = 256;
export const MAX_TAG_LENGTH = 100;

export interface SubscriberRow {
  line: number;
  platformUserId: string;
  name: string | null;
  username: string | null;
  language: string | null;
  tags: string[];
}

export interface RawSubscriber {
  platform_user_id?: unknown;
  name?: unknown;
  username?: unknown;
  language?: unknown;
  tags?: unknown;
}

const CONTROL = /\p{Cc}/u;
const LANGUAGE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;
const codePoints = (s: string) => (s.length <= MAX_NAME_LENGTH ? s.length : Array.from(s).length);

/** Cleans one record; a string is the reason it is rejected. Exported for tests and other importers. */
export function normalizeSubscriber(
  raw: RawSubscriber,
  line: number,
  idProblem: (id: string) => string | null = defaultIdProblem,
): SubscriberRow | string {
  let id = raw.platform_user_id;
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id)) return 'platform_user_id is a number that is not an exact integer: write it as a string';
    id = String(id);
  }
  if (id === undefined || id === null || id === '') return 'platform_user_id is missing';
  if (typeof id !== 'string') return 'platform_user_id must be a string or an integer';
  const platformUserId = id.trim();
  const problem = idProblem(platformUserId);
  if (problem !== null) return `platform_user_id ${quoteForMessage(platformUserId)} is not valid: ${problem}`;

  const text = (field: 'name' | 'username' | 'language'): string | null | { error: string } => {
    const v = raw[field];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') return { error: `${field} must be a string` };
    const t = v.trim();
    if (t === '') return null;
    if (codePoints(t) > MAX_NAME_LENGTH) return { error: `${field} is longer than ${MAX_NAME_LENGTH} characters` };
    if (CONTROL.test(t)) return { error: `${field} contains a control character` };
    return t;
  };
  const name = text('name');
  if (name !== null && typeof name === 'object') return name.error;
  let username = text('username');
  if (username !== null && typeof username === 'object') return username.error;
  if (username !== null) {
    username = username.replace(/^@/, '');
    if (username === '') username = null;
    else if (/\s/u.test(username)) return `username ${quoteForMessage(username)} contains a space`;
  }
  let language = text('language');
  if (language !== null && typeof language === 'object') return language.error;
  if (language !== null) {
    if (!LANGUAGE.test(language)) return `language ${quoteForMessage(language)} is not a language code like en or pt-BR`;
    language = language.replace(/_/g, '-');
  }

  let tagValues: unknown[];
  const t = raw.tags;
  if (t === undefined || t === null) tagValues = [];
  else if (typeof t === 'string') tagValues = t.split(/[|,]/);
  else if (Array.isArray(t)) tagValues = t;
  else return 'tags must be a string (tags separated by | or ,) or an array of strings';
  const tags: string[] = [];
  for (const v of tagValues) {
    if (typeof v !== 'string') return 'tags must be strings';
    const tag = v.trim();
    if (tag === '' || tags.includes(tag)) continue;
    if (Array.from(tag).length > MAX_TAG_LENGTH) return `tag ${quoteForMessage(tag)} is longer than ${MAX_TAG_LENGTH} characters`;
    if (CONTROL.test(tag)) return `tag ${quoteForMessage(tag)} contains a control character`;
    tags.push(tag);
  }
  return { line, platformUserId, name, username, language, tags };
}
