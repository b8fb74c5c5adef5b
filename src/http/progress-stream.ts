// The live progress of a send as Server-Sent Events: one `progress` event a second until the send is
// done. A stream can stay open for hours, so it does not live on the credentials it was opened
// with: every BOTCAST_STREAM_RECHECK_MS it authenticates them again, and when the API key was
// revoked or the session ended it sends one `error` event ({"error":{"code":"unauthorized",…}},
// which EventSource hands to onerror) and ends. One API key or member holds at most
// BOTCAST_STREAMS_PER_KEY streams at once in this process (429 too_many_streams beyond): every
// stream polls the database once a second.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rateLimited } from '../domain/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { getProgress } from '../services/history/progress.ts';
import { actor, authenticate } from './auth.ts';
import { errorBody } from './errors.ts';

const PROGRESS_EVERY_MS = 1000;

export type ProgressStreamHandler = (request: FastifyRequest, reply: FastifyReply, sendId: number) => Promise<void>;

export function progressStreams(ctx: ServiceContext): ProgressStreamHandler {
  const openStreams = new Map<string, number>();

  return async (request, reply, sendId) => {
    const workspaceId = request.principal!.workspaceId;
    const first = await getProgress(ctx, workspaceId, sendId); // a 404 before the stream starts
    const holder = actor(request);
    const held = openStreams.get(holder) ?? 0;
    if (held >= ctx.config.streamsPerKey) {
      throw rateLimited(
        'too_many_streams',
        `at most ${ctx.config.streamsPerKey} progress streams can be open at once for one API key or member; close one first`,
      );
    }
    openStreams.set(holder, held + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (openStreams.get(holder) ?? 1) - 1;
      if (left > 0) openStreams.set(holder, left);
      else openStreams.delete(holder);
    };

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let closed = false;
    let wake: (() => void) | null = null;
    const onClose = () => {
      closed = true;
      release(); // the slot is free as soon as the client has gone, not at the next tick
      wake?.();
    };
    res.on('close', onClose);
    request.raw.on('close', onClose);
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        wake = done;
      });

    /** False when the credentials no longer hold (or cannot be checked now: the client reconnects). */
    const stillAllowed = async () => {
      try {
        const principal = await authenticate(ctx, request);
        if (principal && principal.workspaceId === workspaceId) return true;
        const body = errorBody('unauthorized', 'the API key was revoked or the session ended');
        res.write(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
      } catch {
        // The database is unreachable or the header unreadable: end; EventSource reconnects and is checked anew.
      }
      return false;
    };

    let progress = first;
    let nextCheckAt = Date.now() + ctx.config.streamRecheckMs;
    try {
      for (;;) {
        res.write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
        if (progress.done) return;
        const nextEventAt = Date.now() + PROGRESS_EVERY_MS;
        while (!closed && Date.now() < nextEventAt) {
          await pause(Math.min(nextEventAt, nextCheckAt) - Date.now());
          if (closed || Date.now() < nextCheckAt) continue;
          if (!(await stillAllowed())) return;
          nextCheckAt = Date.now() + ctx.config.streamRecheckMs;
        }
        if (closed) return;
        progress = await getProgress(ctx, workspaceId, sendId).catch(() => ({ ...progress, done: true }));
      }
    } finally {
      release();
      res.end();
    }
  };
}
