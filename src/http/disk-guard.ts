// While the data folder's disk is below its reserve (src/storage/disk-reserve.ts), every request
// that writes is answered 507 insufficient_storage before it reaches its route, instead of a 500
// from a commit that failed or — on PGlite — a commit that never ends. Reads keep working, so the
// panel still shows history and progress. Logging in and out stay allowed: a session row is tiny,
// the reserve has room for it, and an operator must be able to log in to see what is wrong (under
// the critical floor the database port refuses even those: src/storage/guarded-db.ts).
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALWAYS_ALLOWED = new Set(['/api/auth/login', '/api/auth/logout']);

/** Registered after registerAuth: a caller without credentials gets 401 first, and only a known one reads the folder's name. */
export function registerDiskGuard(app: FastifyInstance, ctx: ServiceContext) {
  const disk = ctx.disk;
  if (!disk) return;
  app.addHook('onRequest', async (request) => {
    if (disk.state.ok || READS.has(request.method) || request.is404) return;
    if (ALWAYS_ALLOWED.has(request.routeOptions.url ?? '')) return;
    // Webhooks, sign-up, external events get STORAGE_MESSAGE instead (errors.ts): the platform or
    // caller retries later, and the server's paths are not theirs to read.
    disk.assertWritable();
  });
}
