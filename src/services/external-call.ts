// A call to an external event's secret URL (SPEC 2.2): POST /hooks/events/<secret> with
//   {"platform": "tg" | … | "sandbox" | "any", "users": [...] | "everyone", "data": {...}}
//
// Who `users` are — each element is one of:
//   "123" or 123                 a platform user id (the id the platform gives the person). Numbers are
//                                accepted for convenience (Telegram ids are numbers) and must be exact
//                                (at most 2^53); send bigger ids as strings.
//   {"subscriberId": 42}         a Botcast subscriber id (as the API and panel show it), or the same
//   "subscriber:42"              written as a string.
// With a platform, ids are looked up on that platform's channel of the bot; with "any", on every
// channel of the bot (a platform user id that exists on two platforms reaches both). "everyone" is
// every active subscriber on the platform's channel(s).
//
// What happens: in one transaction the event's content is frozen into a send of kind `external`
// (targeting: the selected recipients through send_recipients, or everyone on the channels), `data`
// is stored on the send (it fills {{variables}}, nested ones like {{order.id}} too) and on every
// recipient as their last request, and the send's run is created right away — no grace window —
// so the next scheduler tick materialises it with the usual operator-chat rules (held, or chats
// closed with the event's End open chats). Unknown users (no such subscriber on the platform) and
// blocked ones are listed in the response and written to the run's log in the same transaction:
// never silently dropped.
//
// Errors: a wrong secret is a 404 that leaves no trace but a counter (external_event_misses); a body
// over 1 MB is a 413 (the route's limit); malformed JSON or a wrong type is a 400 naming the field.
// With an Idempotency-Key header, a retried call answers the first accepted call's result (same
// status and body, header Idempotency-Replayed: true) and sends nothing again; the same key with
// another request is a 422 (src/services/idempotency.ts).
import { AppError, conflict } from '../domain/errors.ts';
import { createRun, logRun } from '../storage/queries/runs.ts';
import { notifyWake } from '../storage/queries/wake.ts';
import type { Queryable, Row } from '../storage/db.ts';
import type { ServiceContext } from './context.ts';
import { hashSecret } from './external-events.ts';
import type { ContentInput } from '../domain/send/content.ts';
import { freezeContent } from './sends/input.ts';
import { bad, type ExternalCall, type UserRef } from './external-call-input.ts';
import { checkSameRequest, requestFingerprint } from './idempotency.ts';

export { EXTERNAL_BODY_LIMIT, MAX_USERS, parseExternalCall, type ExternalCall, type UserRef } from './external-call-input.ts';

/** Unknown or blocked users written into the log's data (all of them are in the response). */
const LOG_LIST_MAX = 1000;

export interface CallResult {
  status: number;
  body: Row;
  replayed: boolean;
}

interface EventRow {
  id: number;
  workspace_id: number;
  bot_id: number;
  name: string;
  content: ContentInput;
  end_open_chats: boolean;
  ignore_opt_out: boolean;
}

/** The event a secret belongs to; a wrong secret only increments the miss counter. */
export async function findEventBySecret(ctx: ServiceContext, secret: string): Promise<EventRow | null> {
  const rows = /^[A-Za-z0-9_-]{20,100}$/.test(secret)
    ? await ctx.db.query<EventRow>(
        'SELECT id, workspace_id, bot_id, name, content, end_open_chats, ignore_opt_out FROM external_events WHERE secret_hash = $1',
        [hashSecret(secret)],
      )
    : [];
  if (rows.length > 0) return rows[0];
  await ctx.db.query(
    `INSERT INTO external_event_misses AS m (id, misses, last_at) VALUES (true, 1, now())
     ON CONFLICT (id) DO UPDATE SET misses = m.misses + 1, last_at = now()`,
  );
  return null;
}

function display(ref: UserRef): string {
  return ref.kind === 'subscriber' ? `subscriber:${ref.id}` : ref.value;
}

function listText(refs: UserRef[]): string {
  const shown = refs.slice(0, 20).map(display).join(', ');
  return refs.length > 20 ? `${shown} and ${refs.length - 20} more` : shown;
}

interface Resolved {
  recipients: number[];
  unknown: UserRef[];
  blocked: UserRef[];
  /** Opted out of broadcasts, and the event does not ignore it. */
  optedOut: UserRef[];
  duplicates: number;
}

async function resolveUsers(
  tx: Queryable,
  botId: number,
  channels: Array<{ id: number; platform: string }>,
  refs: UserRef[],
  ignoreOptOut: boolean,
): Promise<Resolved> {
  const channelIds = channels.map((c) => c.id);
  const platforms = [...new Set(channels.map((c) => c.platform))];
  const platformIds = [...new Set(refs.filter((r) => r.kind === 'platform').map((r) => (r as { value: string }).value))];
  const subscriberIds = [...new Set(refs.filter((r) => r.kind === 'subscriber').map((r) => (r as { id: number }).id))];
  const byPlatformId = new Map<string, Array<{ id: number; status: string; opted_out: boolean }>>();
  if (platformIds.length > 0) {
    const rows = await tx.query<{ id: number; platform_user_id: string; status: string; opted_out: boolean }>(
      `SELECT id, platform_user_id, status, opted_out_at IS NOT NULL AS opted_out FROM subscribers
       WHERE bot_id = $1 AND platform = ANY($2::text[]) AND channel_id = ANY($3::bigint[]) AND platform_user_id = ANY($4::text[])
       ORDER BY id`,
      [botId, platforms, channelIds, platformIds],
    );
    for (const r of rows) {
      const list = byPlatformId.get(r.platform_user_id) ?? [];
      list.push(r);
      byPlatformId.set(r.platform_user_id, list);
    }
  }
  const bySubscriberId = new Map<number, { id: number; status: string; opted_out: boolean }>();
  if (subscriberIds.length > 0) {
    const rows = await tx.query<{ id: number; status: string; opted_out: boolean }>(
      'SELECT id, status, opted_out_at IS NOT NULL AS opted_out FROM subscribers WHERE bot_id = $1 AND channel_id = ANY($2::bigint[]) AND id = ANY($3::bigint[])',
      [botId, channelIds, subscriberIds],
    );
    for (const r of rows) bySubscriberId.set(r.id, r);
  }
  const recipients = new Set<number>();
  const result: Resolved = { recipients: [], unknown: [], blocked: [], optedOut: [], duplicates: 0 };
  for (const ref of refs) {
    const matches =
      ref.kind === 'platform' ? (byPlatformId.get(ref.value) ?? []) : bySubscriberId.has(ref.id) ? [bySubscriberId.get(ref.id)!] : [];
    if (matches.length === 0) {
      result.unknown.push(ref);
      continue;
    }
    const active = matches.filter((m) => m.status === 'active');
    if (active.length === 0) {
      result.blocked.push(ref);
      continue;
    }
    const reachable = ignoreOptOut ? active : active.filter((m) => !m.opted_out);
    if (reachable.length === 0) {
      result.optedOut.push(ref);
      continue;
    }
    const fresh = reachable.filter((m) => !recipients.has(m.id));
    if (fresh.length === 0) result.duplicates += 1;
    for (const m of fresh) recipients.add(m.id);
  }
  result.recipients = [...recipients];
  return result;
}

/** Handles one accepted call (the secret already matched `event`). */
export async function acceptExternalCall(
  ctx: ServiceContext,
  event: EventRow,
  call: ExternalCall,
  idempotencyKey: string | null,
): Promise<CallResult> {
  const result = await ctx.db.transaction(async (tx): Promise<CallResult> => {
    if (idempotencyKey !== null) {
      const fingerprint = requestFingerprint('POST', `/hooks/events/${event.id}`, {
        platform: call.platform,
        users: call.users === 'everyone' ? 'everyone' : call.users.map((u) => u.given),
        data: call.data,
      });
      // The key row is written first: a concurrent retry waits on it, then answers the stored result.
      const fresh = await tx.query<{ event_id: number }>(
        `INSERT INTO external_event_calls (event_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [event.id, idempotencyKey, fingerprint],
      );
      if (fresh.length === 0) {
        const [stored] = await tx.query<{ status: number; response: Row; request_hash: string | null }>(
          'SELECT status, response, request_hash FROM external_event_calls WHERE event_id = $1 AND idempotency_key = $2',
          [event.id, idempotencyKey],
        );
        checkSameRequest(stored.request_hash, fingerprint, idempotencyKey);
        return { status: stored.status, body: stored.response, replayed: true };
      }
    }
    const channels = await tx.query<{ id: number; platform: string }>(
      `SELECT id, platform FROM channels WHERE bot_id = $1 AND ($2 = 'any' OR platform = $2) ORDER BY id`,
      [event.bot_id, call.platform],
    );
    if (channels.length === 0) {
      throw bad(
        'platform',
        call.platform === 'any'
          ? 'is "any", but the bot has no channels'
          : `is "${call.platform}", but the bot has no ${call.platform} channel`,
      );
    }
    let content;
    try {
      content = await freezeContent(tx, event.workspace_id, event.bot_id, event.content);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unknown_screen') {
        throw conflict('content_unavailable', `the screen of external event "${event.name}" no longer exists; edit the event's content`);
      }
      throw error;
    }
    const [{ now }] = await tx.query<{ now: Date }>('SELECT now() AS now');
    const everyone = call.users === 'everyone';
    const resolved: Resolved = everyone
      ? { recipients: [], unknown: [], blocked: [], optedOut: [], duplicates: 0 }
      : await resolveUsers(tx, event.bot_id, channels, call.users as UserRef[], event.ignore_opt_out);
    const channelIds = channels.map((c) => c.id);
    const targeting = {
      audience: everyone ? 'all' : 'selected',
      channelIds,
      platforms: channels.map((c) => c.platform),
      includeTagIds: [],
      excludeTagIds: [],
      includeTags: [],
      excludeTags: [],
      platform: call.platform,
      event: { id: event.id, name: event.name },
      ignoreOptOut: event.ignore_opt_out,
    };
    const dataJson = JSON.stringify(call.data);
    const [send] = await tx.query<{ id: number }>(
      `INSERT INTO sends (workspace_id, bot_id, kind, content, targeting, timing, end_open_chats, data, created_by, source_id, last_planned_at)
       VALUES ($1, $2, 'external', $3, $4, '{"type":"instant"}', $5, $6, $7, $8, $9) RETURNING id`,
      [
        event.workspace_id,
        event.bot_id,
        JSON.stringify(content),
        JSON.stringify(targeting),
        event.end_open_chats,
        dataJson,
        `external_event:${event.id}`,
        event.id,
        now.toISOString(),
      ],
    );
    let queued: number;
    let openChats: number;
    if (everyone) {
      const [u] = await tx.query<{ n: number }>(
        `WITH u AS (UPDATE subscribers SET last_request = $1 WHERE channel_id = ANY($2::bigint[]) AND status = 'active' AND ($3 OR opted_out_at IS NULL) RETURNING id) SELECT count(*)::int AS n FROM u`,
        [dataJson, channelIds, event.ignore_opt_out],
      );
      queued = u.n;
      const [c] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM operator_chats c JOIN subscribers s ON s.id = c.subscriber_id
         WHERE c.bot_id = $1 AND c.closed_at IS NULL AND s.channel_id = ANY($2::bigint[]) AND s.status = 'active' AND ($3 OR s.opted_out_at IS NULL)`,
        [event.bot_id, channelIds, event.ignore_opt_out],
      );
      openChats = c.n;
    } else {
      queued = resolved.recipients.length;
      await tx.query('INSERT INTO send_recipients (send_id, subscriber_id) SELECT $1, unnest($2::bigint[])', [
        send.id,
        resolved.recipients,
      ]);
      await tx.query('UPDATE subscribers SET last_request = $1 WHERE id = ANY($2::bigint[])', [dataJson, resolved.recipients]);
      const [c] = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM operator_chats WHERE closed_at IS NULL AND subscriber_id = ANY($1::bigint[])',
        [resolved.recipients],
      );
      openChats = c.n;
    }
    // No grace window: the run exists now, and a scheduler woken by the commit materialises it.
    const runId = (await createRun(tx, send.id, now))!;
    await notifyWake(tx, 'schedule');
    const platformText = call.platform === 'any' ? `any platform (${[...new Set(targeting.platforms)].join(', ')})` : call.platform;
    await logRun(
      tx,
      runId,
      'created',
      `External event "${event.name}" called: ${everyone ? 'everyone' : `${call.users.length} user id(s)`} on ${platformText}; ${queued} recipient(s) queued`,
      {
        eventId: event.id,
        platform: call.platform,
        users: everyone ? 'everyone' : call.users.length,
        queued,
        unknown: resolved.unknown.length,
        blocked: resolved.blocked.length,
        optedOut: resolved.optedOut.length,
        duplicates: resolved.duplicates,
      },
    );
    if (resolved.unknown.length > 0) {
      await logRun(
        tx,
        runId,
        'unknown_users',
        `${resolved.unknown.length} unknown user(s) not sent to (no such subscriber on ${platformText}): ${listText(resolved.unknown)}`,
        {
          count: resolved.unknown.length,
          users: resolved.unknown.slice(0, LOG_LIST_MAX).map(display),
        },
      );
    }
    if (resolved.blocked.length > 0) {
      await logRun(
        tx,
        runId,
        'blocked_users',
        `${resolved.blocked.length} user(s) not sent to: they blocked the bot: ${listText(resolved.blocked)}`,
        {
          count: resolved.blocked.length,
          users: resolved.blocked.slice(0, LOG_LIST_MAX).map(display),
        },
      );
    }
    if (resolved.optedOut.length > 0) {
      await logRun(
        tx,
        runId,
        'opted_out_users',
        `${resolved.optedOut.length} user(s) not sent to: they opted out of broadcasts: ${listText(resolved.optedOut)}`,
        { count: resolved.optedOut.length, users: resolved.optedOut.slice(0, LOG_LIST_MAX).map(display) },
      );
    }
    const body = {
      sendId: send.id,
      runId,
      event: { id: event.id, name: event.name },
      platform: call.platform,
      users: everyone ? 'everyone' : 'list',
      queued,
      unknown: resolved.unknown.map((r) => r.given),
      blocked: resolved.blocked.map((r) => r.given),
      optedOut: resolved.optedOut.map((r) => r.given),
      duplicates: resolved.duplicates,
      openChats: { count: openChats, willBe: event.end_open_chats ? 'closed' : 'held' },
    };
    if (idempotencyKey !== null) {
      await tx.query(
        'UPDATE external_event_calls SET send_id = $3, status = 202, response = $4 WHERE event_id = $1 AND idempotency_key = $2',
        [event.id, idempotencyKey, send.id, JSON.stringify(body)],
      );
    }
    return { status: 202, body, replayed: false };
  });
  if (!result.replayed) {
    // Outside the transaction: a busy event's calls do not queue behind one counter row.
    await ctx.db.query('UPDATE external_events SET calls = calls + 1, last_called_at = now() WHERE id = $1', [event.id]).catch(() => {});
  }
  return result;
}
