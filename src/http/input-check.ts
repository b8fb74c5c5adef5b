// One check of every request's path parameters, query and JSON body for values that cannot be
// stored (src/domain/storable.ts: NUL, lone surrogates, Infinity, absurd nesting), on every route,
// before its handler runs: a 400 naming the field, never a 500 from the database halfway through.
// It runs after schema validation (preHandler), because that is where a 400-digit id becomes
// Infinity (type coercion); validation itself never descends deeper than the schema, so a deeply
// nested body reaches this check unharmed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../domain/errors.ts';
import { findUnstorable, type Unstorable } from '../domain/storable.ts';

/** A path the way validation errors write one: body.content.buttons.0.text (deep paths cut short). */
export function fieldPath(where: string, found: Unstorable): string {
  const shown = found.kind === 'too_deep' && found.path.length > 4 ? [...found.path.slice(0, 4), '…'] : found.path;
  return [where, ...shown].join('.');
}

export function unstorableError(where: string, found: Unstorable) {
  const field = fieldPath(where, found);
  return invalid('invalid_request', `${field} ${found.problem}`, { field, reason: found.kind });
}

function check(request: FastifyRequest) {
  const parts: Array<[string, unknown]> = [
    ['params', request.params],
    ['querystring', request.query],
    // Routes that read their own bytes (webhooks, CSV) have a Buffer here: skipped by the walk.
    ['body', request.body],
  ];
  for (const [where, value] of parts) {
    const found = findUnstorable(value);
    if (found) throw unstorableError(where, found);
  }
}

export function registerInputCheck(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => check(request));
}
