// Errors the domain and services raise. They say what is wrong in plain words and carry a
// machine code; src/http/errors.ts maps kinds to HTTP statuses in one place.

export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  /** The data folder's disk is below its reserve (src/storage/disk-reserve.ts): nothing was written. */
  | 'insufficient_storage';

export class AppError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, details?: unknown) => new AppError('invalid', code, message, details);
export const notFound = (what: string, id?: unknown) =>
  new AppError('not_found', 'not_found', id === undefined ? `${what} not found` : `${what} ${String(id)} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError('conflict', code, message, details);
/** Too many requests: details.retryAfterSeconds says when to try again (the HTTP layer sends it as Retry-After). */
export const rateLimited = (code: string, message: string, retryAfterSeconds?: number) =>
  new AppError('rate_limited', code, message, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
