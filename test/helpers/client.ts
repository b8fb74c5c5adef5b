// The typed API client (src/client) in the tests: over the network against a listening server, or
// straight into app.inject() through a fetch of its own. Either way every answer is checked against
// openapi.json's schema for it (test/helpers/openapi-check.ts).
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Middleware } from 'openapi-fetch';
import { createBotcastClient, type BotcastClient } from '../../src/client/index.ts';
import type { TestApp } from './app.ts';
import { responseProblems } from './openapi-check.ts';

/** Fails a request whose answer does not match the document. */
export function checkAnswers(server: FastifyInstance): Middleware {
  return {
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      const problems = responseProblems(
        server,
        request.method,
        url.pathname + url.search,
        response.status,
        response.headers.get('content-type') ?? '',
        await response.clone().text(),
      );
      if (problems.length > 0) throw new Error(`the answer does not match openapi.json:\n${problems.slice(0, 10).join('\n')}`);
      return undefined;
    },
  };
}

/** A client whose requests go to app.inject(): no port, same answers. */
export function injectClient(t: TestApp, key: string): BotcastClient {
  const server = t.app.server!;
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const res = await server.inject({
      method: request.method as InjectOptions['method'],
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      payload,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, String(v));
    }
    return new Response([101, 204, 205, 304].includes(res.statusCode) ? null : res.rawPayload, { status: res.statusCode, headers });
  };
  const client = createBotcastClient('http://botcast.test', key, { fetch });
  client.use(checkAnswers(server));
  return client;
}
