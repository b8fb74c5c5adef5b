// One JSON error shape everywhere: {"error":{"code","message","details"}}. Domain errors map to
// HTTP statuses here and only here.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorKind } from '../domain/errors.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  insufficient_storage: 507,
};

const FASTIFY_CODES: Record<string, { code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'request body is larger than the limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'content-type must be application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: 'request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', message: 'request body is empty but content-type is application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_content_length' },
};

/**
 * PostgreSQL errors that only input can cause: a value out of a column's range (22003), text it
 * cannot encode or take (22P05, 22021), a malformed number or date (22P02, 22007, 22008), JSON
 * nested beyond its stack (54001). The input checks (src/http/input-check.ts, the schemas) refuse
 * these values first, naming the field; this is the safety net for a place they miss: still a 400,
 * and a transaction that failed was rolled back.
 */
const INPUT_DATABASE_ERRORS = new Set(['22003', '22P05', '22021', '22P02', '22007', '22008', '54001']);

function isInputDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && INPUT_DATABASE_ERRORS.has(code);
}

/** What a caller without credentials learns of a full disk. */
export const STORAGE_MESSAGE = 'the server is out of disk space; nothing was written, try again later';

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * The most telling error of a failed validation. For a union (anyOf: content, audience, timing)
 * ajv reports every branch's failure; the ones saying "wrong variant" (const, extra property) are
 * noise next to the one from the variant the caller meant (the deepest remaining path).
 */
function pickError(errors: NonNullable<FastifyError['validation']>) {
  if (!errors.some((e) => e.keyword === 'anyOf')) return errors[0];
  const telling = errors.filter((e) => !['anyOf', 'const', 'additionalProperties', 'required'].includes(e.keyword));
  const pool = telling.length > 0 ? telling : errors.filter((e) => e.keyword !== 'anyOf');
  return pool.sort((a, b) => b.instancePath.length - a.instancePath.length)[0] ?? errors[0];
}

function validationMessage(error: FastifyError): string {
  const first = error.validation ? pickError(error.validation) : undefined;
  if (!first) return error.message;
  const where = error.validationContext ?? 'body';
  const path = first.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
  const missing = (first.params as { missingProperty?: string })?.missingProperty;
  const additional = (first.params as { additionalProperty?: string })?.additionalProperty;
  if (missing) return `${where}.${path ? path + '.' : ''}${missing} is required`;
  if (additional) return `${where}.${path ? path + '.' : ''}${additional} is not a known field`;
  return `${where}${path ? '.' + path : ''} ${first.message}`;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError && error.kind === 'insufficient_storage' && !request.principal) {
      // The data folder's path and free space are for the workspace's people, not for anyone (a webhook, a login).
      return reply.status(507).send(errorBody(error.code, STORAGE_MESSAGE));
    }
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.kind === 'rate_limited' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(STATUS[error.kind]).send(errorBody(error.code, error.message, error.details));
    }
    if (error.validation) {
      return reply.status(400).send(errorBody('invalid_request', validationMessage(error), error.validation));
    }
    if (isInputDatabaseError(error)) {
      // Logged: the input check that should have named the field missed this one.
      request.log.warn({ err: error }, 'the database refused a value of the request');
      return reply.status(400).send(errorBody('invalid_value', 'a value is out of range or contains an invalid character'));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known || (error.statusCode && error.statusCode < 500)) {
      const status = error.statusCode ?? 400;
      return reply.status(status).send(errorBody(known?.code ?? 'bad_request', known?.message ?? error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'something went wrong on our side; the error is logged'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('route_not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}

/**
 * Errors the router raises before any route runs (Fastify's frameworkErrors), in the one error
 * shape: a path that is not valid percent-encoding, or a path parameter longer than
 * MAX_PARAM_LENGTH (no id or name of ours is that long).
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.status(400).send(errorBody('invalid_request', `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`));
  } else if (error.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send(errorBody('bad_url', 'the URL path is not valid percent-encoded UTF-8'));
  } else {
    reply.status(500).send(errorBody('internal', 'something went wrong on our side; the error is logged'));
  }
}

/**
 * The longest path parameter the router hands to a route (Fastify's default is 100). Longer than
 * any valid one (a sandbox user id may have 128 characters), so that schema validation, not the
 * router, says what is wrong with a long id — 400 digits is "params.id is a number out of range".
 */
export const MAX_PARAM_LENGTH = 512;
