// Resend to a subset (issue 17 point 9): from a finished run, a new send to its recipients whose
// outcome the user picks — failed, unknown, outside_window (left out by the platform's messaging
// window) or hold_expired (held for an operator chat until the hold expired). The new send is a
// broadcast to selected users: its audience is the snapshot of those subscribers at the moment it
// is made, written into send_recipients with one INSERT … SELECT (no query per recipient), exactly
// as a selected-users send keeps its list; materialisation then treats it like any other (blocked
// and opted-out subscribers are left out when it starts). It is linked to its parent run, so both
// pages show the link. `unknown` needs an explicit acknowledgement: some of them did receive the
// message (the platform took the request, its answer never came), so they would get it twice.
import type { ContentInput, FrozenContent } from '../../domain/send/content.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import type { ResolvedTargeting } from '../../domain/send/targeting.ts';
import type { Queryable } from '../../storage/db.ts';
import { notifyWake } from '../../storage/queries/wake.ts';
import type { ServiceContext } from '../context.ts';
import { freezeContent } from './input.ts';
import { getSend } from './view.ts';

export const RESEND_OUTCOMES = ['failed', 'unknown', 'outside_window', 'hold_expired'] as const;
export type ResendOutcome = (typeof RESEND_OUTCOMES)[number];
export type ResendCounts = Record<ResendOutcome, number>;

/**
 * Which deliveries of the parent run each outcome picks, over alias `d`. Fixed SQL by a fixed key:
 * no user input is ever placed in it. `failed` leaves out expired holds (they have their own choice).
 */
const PICKS: Record<ResendOutcome, string> = {
  failed: `(d.state = 'failed' AND d.outcome IS DISTINCT FROM 'hold_expired')`,
  unknown: `(d.state = 'unknown')`,
  outside_window: `(d.state = 'cancelled' AND d.outcome = 'outside_window')`,
  hold_expired: `(d.state = 'failed' AND d.outcome = 'hold_expired')`,
};

export interface ResendInput {
  /** The run to resend from; the send's newest run when absent. */
  runId?: number;
  outcomes: ResendOutcome[];
  acknowledgeUnknown?: boolean;
  /** Edited content; the parent's (as it was sent) when absent. */
  content?: ContentInput;
}

interface ParentRow {
  id: number;
  botId: number;
  content: FrozenContent;
  endOpenChats: boolean;
}

async function parentRun(q: Queryable, workspaceId: number, sendId: number, runId: number | undefined) {
  const [send] = await q.query<ParentRow>(
    `SELECT id, bot_id AS "botId", content, end_open_chats AS "endOpenChats" FROM sends WHERE id = $1 AND workspace_id = $2`,
    [sendId, workspaceId],
  );
  if (!send) throw notFound('send', sendId);
  const [run] = await q.query<{ id: number; state: string }>(
    `SELECT id, state FROM runs WHERE send_id = $1 AND ($2::bigint IS NULL OR id = $2) ORDER BY id DESC LIMIT 1`,
    [sendId, runId ?? null],
  );
  if (!run) {
    if (runId !== undefined) throw notFound('run', runId);
    throw conflict('not_run', `Send #${sendId} has not run yet, so there is nobody to resend to.`);
  }
  return { send, run: { id: run.id, finished: run.state === 'completed' || run.state === 'stopped' } };
}

/** How many recipients of the run ended with each outcome the resend offers (one pass over its final deliveries). */
async function countOutcomes(q: Queryable, runId: number): Promise<ResendCounts> {
  const [row] = await q.query<ResendCounts>(
    `SELECT ${RESEND_OUTCOMES.map((o) => `count(*) FILTER (WHERE ${PICKS[o]})::int AS ${o}`).join(', ')}
     FROM deliveries d WHERE d.run_id = $1 AND d.state IN ('failed', 'unknown', 'cancelled')`,
    [runId],
  );
  return row;
}

/** What the "Resend to…" dialog shows: the run, whether it has finished, and its recipients per outcome. */
export async function resendOptions(ctx: ServiceContext, workspaceId: number, sendId: number, runId?: number) {
  const { send, run } = await parentRun(ctx.db, workspaceId, sendId, runId);
  return { sendId: send.id, runId: run.id, finished: run.finished, counts: await countOutcomes(ctx.db, run.id), content: send.content };
}

export async function createResend(ctx: ServiceContext, workspaceId: number, sendId: number, input: ResendInput, createdBy: string) {
  const outcomes = RESEND_OUTCOMES.filter((o) => input.outcomes.includes(o));
  if (outcomes.length === 0)
    throw invalid('no_outcomes', `Choose at least one outcome to resend to: ${RESEND_OUTCOMES.join(', ')}.`, { field: 'outcomes' });
  if (outcomes.includes('unknown') && input.acknowledgeUnknown !== true)
    throw invalid(
      'unknown_needs_acknowledgement',
      'Some recipients whose outcome is unknown did receive the message: the platform took the request but its answer never came, ' +
        'so they would get it twice. To resend to them anyway, set acknowledgeUnknown to true.',
      { field: 'acknowledgeUnknown' },
    );
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { send, run } = await parentRun(tx, workspaceId, sendId, input.runId);
    if (!run.finished)
      throw conflict('run_not_finished', `Run #${run.id} of send #${sendId} has not finished yet: resend once it is done.`);
    const picked = outcomes.map((o) => PICKS[o]).join(' OR ');
    // The platforms of the recipients picked (channels deleted since are gone with their subscribers).
    const channels = await tx.query<{ id: number; platform: string }>(
      `SELECT c.id, c.platform FROM channels c WHERE c.bot_id = $2
         AND EXISTS (SELECT 1 FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
                     WHERE d.run_id = $1 AND d.channel_id = c.id AND (${picked}))
       ORDER BY c.id`,
      [run.id, send.botId],
    );
    if (channels.length === 0) {
      const counts = await countOutcomes(tx, run.id);
      throw invalid(
        'no_recipients',
        `Nobody in run #${run.id} of send #${sendId} ended ${outcomes.join(' or ')} (${outcomes.map((o) => `${o}: ${counts[o]}`).join(', ')}), so there is nobody to resend to.`,
        { field: 'outcomes', counts },
      );
    }
    const content = input.content ? await freezeContent(tx, workspaceId, send.botId, input.content) : send.content;
    const targeting: ResolvedTargeting = {
      audience: 'selected',
      channelIds: channels.map((c) => c.id),
      platforms: channels.map((c) => c.platform),
      includeTagIds: [],
      excludeTagIds: [],
      includeTags: [],
      excludeTags: [],
    };
    const [created] = await tx.query<{ id: number }>(
      `INSERT INTO sends (workspace_id, bot_id, kind, content, targeting, timing, end_open_chats, created_by, next_run_at, created_at,
                          parent_send_id, parent_run_id, resend_outcomes)
       VALUES ($1, $2, 'broadcast', $3, $4, '{"type": "instant"}', $5, $6, $7, $8, $9, $10, $11::text[]) RETURNING id`,
      [
        workspaceId,
        send.botId,
        JSON.stringify(content),
        JSON.stringify(targeting),
        send.endOpenChats,
        createdBy,
        new Date(now.getTime() + ctx.config.graceSeconds * 1000).toISOString(),
        now.toISOString(),
        sendId,
        run.id,
        outcomes,
      ],
    );
    // The snapshot: set-based, like a selected-users import (services/sends/create.ts).
    await tx.query(
      `INSERT INTO send_recipients (send_id, subscriber_id)
       SELECT $1, d.subscriber_id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.run_id = $2 AND (${picked})
       ON CONFLICT DO NOTHING`,
      [created.id, run.id],
    );
    // Schedulers arm their timer for its first run (the end of the grace window).
    await notifyWake(tx, 'schedule');
    return created.id;
  });
  return getSend(ctx, workspaceId, id);
}
