// Platform-neutral text helpers used by every renderer of this part of the tree (wa, fb,
// instagram, ok): cutting to a limit and turning buttons into numbered lines.
import type { Button, Degradation } from '../types.ts';

const ELLIPSIS = '…';

/** Length in Unicode code points (what people count as characters; never splits an emoji pair). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts to at most `max` as measured by `measure`, ending with an ellipsis when anything was cut. */
export function cutTo(text: string, max: number, measure: (s: string) => number = charLength): string {
  if (measure(text) <= max) return text;
  const chars = Array.from(text);
  // Binary search the longest prefix that fits together with the ellipsis.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('') + ELLIPSIS) <= max) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + ELLIPSIS;
}

/** "1. Yes", "2. Site: https://…" — the predictable fallback for buttons a platform cannot show. */
export function buttonLines(buttons: readonly Button[]): string {
  return buttons.map((b, i) => (b.kind === 'url' && b.url ? `${i + 1}. ${b.text}: ${b.url}` : `${i + 1}. ${b.text}`)).join('\n');
}

/** Appends a block separated by a blank line (or returns the block alone when text is empty). */
export function appendBlock(text: string, block: string): string {
  if (!block) return text;
  return text ? `${text}\n\n${block}` : block;
}

export function degradation(code: string, message: string): Degradation {
  return { code, message };
}

/** Splits buttons into URL buttons (with a url) and reply buttons (a url button without a url counts as reply). */
export function splitButtons(buttons: readonly Button[] | undefined): { urls: Button[]; replies: Button[] } {
  const urls: Button[] = [];
  const replies: Button[] = [];
  for (const b of buttons ?? []) (b.kind === 'url' && b.url ? urls : replies).push(b);
  return { urls, replies };
}

/** The file name of a URL's last path segment, for document messages ("file" when there is none). */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : 'file';
  } catch {
    return 'file';
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
