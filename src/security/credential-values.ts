// Credentials that Botcast writes into a request — a Telegram token is a path segment
// (`/bot<token>/sendMessage`), other tokens and ids go into query strings, paths and headers — must
// be plain tokens. A "/", "\", "?", "#", "%" or ".." would let whoever sets the value choose another
// path or query on the platform's host; whitespace or a control character could split a header.

/** Why the value cannot be a token, or null. */
export function tokenValueProblem(value: string): string | null {
  if (/[/\\?#%]/.test(value)) return 'must not contain "/", "\\", "?", "#" or "%"';
  if (value.includes('..')) return 'must not contain ".."';
  if (/[\s\p{Cc}\p{Cf}]/u.test(value)) return 'must not contain whitespace or control characters';
  return null;
}
