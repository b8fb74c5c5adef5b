// A status webhook receiver for tests: a local HTTP server that records every POST (raw body,
// headers, arrival time) and answers with the statuses a test queues (200 once they run out).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  at: number;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { webhookId: number; events: Array<{ id: string; type: string; createdAt: string; data: Record<string, unknown> }> };
  answered: number;
}

export interface Receiver {
  url: string;
  port: number;
  readonly posts: ReceivedPost[];
  /** Statuses to answer next, in order; after them, `fallback` (200). */
  answer(statuses: number[], fallback?: number): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const posts: ReceivedPost[] = [];
  let queue: number[] = [];
  let fallback = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = queue.length > 0 ? queue.shift()! : fallback;
      let body: ReceivedPost['body'];
      try {
        body = JSON.parse(raw);
      } catch {
        body = { webhookId: 0, events: [] };
      }
      posts.push({ at: Date.now(), headers: req.headers, raw, body, answered: status });
      res.writeHead(status, { 'content-type': 'text/html' });
      // A body a log must not echo whole: markup, a control character and a lot of text.
      res.end(status >= 300 ? `<html><b>Oops</b>\u0007 ${'x'.repeat(5000)}</html>` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/botcast`,
    port,
    posts,
    answer(statuses, fb = 200) {
      queue = [...statuses];
      fallback = fb;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
