// A typed client of the Botcast API: openapi-fetch over the types openapi-typescript generates from
// openapi.json (src/client/schema.d.ts; `npm run snapshots` regenerates both). Paths, parameters,
// bodies and answers are checked by the compiler:
//   const api = createBotcastClient('http://localhost:3000', key);
//   const { data, error } = await api.GET('/api/bots/{botId}', { params: { path: { botId: 1 } } });
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type { components, paths };
export type BotcastClient = Client<paths>;
/** The body of every error answer. */
export type BotcastError = components['schemas']['ErrorResponse'];

export function createBotcastClient(baseUrl: string, apiKey: string, options: Omit<ClientOptions, 'baseUrl'> = {}): BotcastClient {
  return createClient<paths>({
    ...options,
    baseUrl: baseUrl.replace(/\/$/, ''),
    headers: { ...(options.headers as Record<string, string> | undefined), authorization: `Bearer ${apiKey}` },
  });
}
