// Splits long text into chunks of at most `limit` UTF-16 code units (what JS `.length` and
// Telegram/VK/Viber length limits count), preferring paragraph, line, then word boundaries and never
// cutting a surrogate pair in half. Used by every platform renderer of this folder family.

export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = -1;
    for (const separator of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(separator);
      // Only accept a boundary that keeps chunks reasonably full (≥ half the limit).
      if (at >= limit / 2) {
        cut = at + separator.length;
        break;
      }
    }
    if (cut === -1) {
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // high surrogate: keep the pair together
    }
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}
