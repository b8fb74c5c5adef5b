// What `botcast …` prints when it cannot go on. Not everything thrown is an Error: PGlite (through
// Emscripten's file system) throws plain objects such as {name: 'ErrnoError', errno: 51}, which
// printed as "botcast: [object Object]" when the data folder's disk was full. Every failure must
// print its real reason.

/** WASI errno numbers (what Emscripten's ErrnoError carries), for the ones a data folder can meet. */
const WASI_ERRNO: Record<number, string> = {
  2: 'EACCES: permission denied',
  8: 'EBADF: bad file descriptor',
  10: 'EBUSY: resource busy',
  19: 'EDQUOT: disk quota exceeded',
  20: 'EEXIST: file already exists',
  27: 'EFBIG: file too large',
  29: 'EIO: input/output error',
  31: 'EISDIR: is a directory',
  44: 'ENOENT: no such file or directory',
  48: 'ENOMEM: out of memory',
  51: 'ENOSPC: no space left on device',
  54: 'ENOTDIR: not a directory',
  63: 'EPERM: operation not permitted',
  69: 'EROFS: read-only file system',
};

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', '53100']);

function field(value: object, name: string): string | undefined {
  const v = (value as Record<string, unknown>)[name];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/**
 * One readable text for anything thrown: `expected` errors (a usage mistake, a refused setting) by
 * their message alone, other Errors with their stack, and whatever else by the fields it has
 * (name, message, code, errno, detail) — never "[object Object]".
 */
export function describeError(error: unknown, options: { expected?: boolean } = {}): string {
  if (error === null || error === undefined) return `an unknown error (${String(error)}) was thrown`;
  if (typeof error !== 'object') return String(error);
  // Our own refusals (a setting, the lock, the disk reserve) already say everything in their message.
  if (options.expected && error instanceof Error) return error.message;
  const name = field(error, 'name');
  const message = field(error, 'message');
  const code = field(error, 'code');
  const errno = field(error, 'errno');
  const detail = field(error, 'detail');
  const hint = field(error, 'hint');
  const parts: string[] = [];
  if (error instanceof Error && error.stack) parts.push(error.stack);
  else if (message) parts.push(`${name ? `${name}: ` : ''}${message}`);
  else if (name) parts.push(name);
  if (errno !== undefined && !message) {
    const known = /^\d+$/.test(errno) && code === undefined ? WASI_ERRNO[Number(errno)] : undefined;
    parts.push(known ? `errno ${errno} (${known})` : `errno ${errno}`);
  }
  if (code && !parts.some((p) => p.includes(code))) parts.push(`code ${code}`);
  if (detail) parts.push(`detail: ${detail}`);
  if (hint) parts.push(`hint: ${hint}`);
  const errnoName = errno && /^\d+$/.test(errno) && code === undefined ? WASI_ERRNO[Number(errno)]?.split(':')[0] : undefined;
  if ([code, errnoName].some((c) => c !== undefined && NO_SPACE.has(c))) {
    parts.push('the disk of the data folder (BOTCAST_DATA_DIR) or of the database is full: free some space and start again');
  }
  if (parts.length === 0) {
    let json = '';
    try {
      json = JSON.stringify(error) ?? '';
    } catch {}
    return json && json !== '{}' ? json : `an error without a message (${Object.prototype.toString.call(error)})`;
  }
  return parts.join('; ');
}
