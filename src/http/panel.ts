// The admin panel: the files of web/ at /, the few browser ES modules it imports (Preact, htm, the
// uPlot chart and its style sheet) straight from node_modules at /assets/vendor/, and web/index.html
// for every other GET that asks for HTML, so the panel's own addresses (/bots/1/subscribers) survive a reload. No build step.
// The panel talks to Botcast only through the public /api; /api and /hooks keep their JSON 404s.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
const require = createRequire(import.meta.url);

/** Browser modules served from node_modules, by the name web/index.html's import map uses. */
const VENDOR: Record<string, string> = {
  'preact.mjs': require.resolve('preact'),
  'preact-hooks.mjs': require.resolve('preact/hooks'),
  'htm.mjs': join(dirname(require.resolve('htm')), 'htm.mjs'),
  // uPlot (the delivery-rate chart): its ES module build and its style sheet.
  'uplot.mjs': join(dirname(require.resolve('uplot')), 'uPlot.esm.js'),
  'uplot.css': join(dirname(require.resolve('uplot')), 'uPlot.min.css'),
};

/**
 * Whether a path the wildcard matched belongs to the API or the webhooks, which answer JSON 404s
 * rather than the panel. Judged on the decoded path the router matched, in any letter case and
 * after any run of slashes: /%61pi/x, //api/x and /API/x are API paths too, never the panel's page.
 */
function isBackendPath(matched: string): boolean {
  const first = matched.replace(/^\/+/, '').split('/')[0].toLowerCase();
  return first === 'api' || first === 'hooks';
}

/** index.html with a Content-Security-Policy that allows its inline import map and nothing else inline. */
async function sendIndex(reply: FastifyReply) {
  const page = await readFile(join(WEB_ROOT, 'index.html'), 'utf8');
  const inline = [...page.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`)
    .join(' ');
  return reply
    .header('cache-control', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header(
      'content-security-policy',
      `default-src 'self'; script-src 'self' ${inline}; style-src 'self'; img-src 'self' data: https: http:; connect-src 'self'; ` +
        `frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'`,
    )
    .type('text/html; charset=utf-8')
    .send(page);
}

export async function registerPanel(app: FastifyInstance) {
  await app.register(async (panel) => {
    await panel.register(fastifyStatic, { root: WEB_ROOT, serve: false });

    // The panel's files need no key: the API under them does.
    const options = { schema: { hide: true }, config: { public: true } };
    panel.get('/assets/vendor/:file', options, async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
      const file = VENDOR[request.params.file];
      if (!Object.hasOwn(VENDOR, request.params.file) || !file) return reply.callNotFound();
      return reply.sendFile(basename(file), dirname(file), { maxAge: 0 });
    });

    panel.get('/*', options, async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      // The path as the router matched it (decoded, no query), not the request target's text.
      const path = request.params['*'];
      if (isBackendPath(path)) return reply.callNotFound();
      if (path === '' || path === 'index.html') return sendIndex(reply);
      // A file (the last segment has an extension): web/ has it or it is a JSON 404. The path is
      // decoded already and sendFile decodes again: a literal % stays a %.
      if (/\.[A-Za-z0-9]+$/.test(path)) return reply.sendFile(path.replace(/%/g, '%25'), WEB_ROOT, { maxAge: 0 });
      // A panel address: the panel's router draws it.
      if (String(request.headers.accept ?? '').includes('text/html')) return sendIndex(reply);
      return reply.callNotFound();
    });
  });
}
