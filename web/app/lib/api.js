// The panel's only way to Botcast: the public HTTP API, with the session cookie set by
// POST /api/auth/login. Every failure becomes an ApiError carrying the API's
// {"error":{"code","message","details"}} and, when the API names it, the field at fault.

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status (0 when Botcast could not be reached)
   * @param {{code?: string, message?: string, details?: unknown} | null} error
   */
  constructor(status, error) {
    // Schema errors read "body.name must …": the field is shown next to it, so drop the location.
    const message = error?.code === 'invalid_request' ? error.message?.replace(/^(body|querystring|params)\./, '') : error?.message;
    super(message || (status ? `Botcast answered ${status}` : 'Botcast cannot be reached — check that it is running'));
    this.name = 'ApiError';
    this.status = status;
    this.code = error?.code ?? (status ? 'http_' + status : 'network');
    this.details = error?.details;
    this.field = fieldOf(this.code, this.details);
  }
}

/** "buttons.0.url" and "/buttons/0/url" → "buttons[0].url", the way the services name fields. */
export function normaliseField(path) {
  return String(path)
    .split(/[./]/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : '.' + s))
    .join('')
    .replace(/^\./, '');
}

function fieldOf(code, details) {
  if (details && typeof details === 'object' && !Array.isArray(details) && typeof details.field === 'string')
    return normaliseField(details.field);
  // Schema validation errors (Fastify/Ajv): [{ instancePath: "/name", params: { missingProperty } }].
  if (Array.isArray(details) && details[0] && typeof details[0] === 'object') {
    const first = details[0];
    const parts = [first.instancePath || '', first.params?.missingProperty || first.params?.additionalProperty || ''].filter(Boolean);
    return parts.length ? normaliseField(parts.join('/')) : null;
  }
  if (code === 'credentials_rejected') return 'credentials';
  return null;
}

let unauthorizedHandler = () => {};
/** Called when a request answers 401 (the session ended): the shell shows the login page. */
export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

/**
 * @param {string} method
 * @param {string} path an /api path, with its query string
 * @param {unknown} [body] sent as JSON when given (as it is, with options.contentType)
 */
export async function request(method, path, body, { signal, contentType } = {}) {
  let res;
  try {
    const raw = contentType !== undefined;
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': raw ? contentType : 'application/json' },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const error = new ApiError(res.status, data?.error ?? { message: text.slice(0, 200) || undefined });
    if (res.status === 401 && !path.startsWith('/api/auth/')) unauthorizedHandler(error);
    throw error;
  }
  return data;
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body = {}) => request('POST', path, body),
  put: (path, body = {}) => request('PUT', path, body),
  patch: (path, body = {}) => request('PATCH', path, body),
  del: (path, body) => request('DELETE', path, body),
  /** POSTs a file (a Blob) as the raw request body, e.g. a CSV file with contentType "text/csv". */
  upload: (path, file, contentType) => request('POST', path, file, { contentType }),
};

/** "?a=1&b=x" from an object, leaving out empty values; "" when nothing is left. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}
