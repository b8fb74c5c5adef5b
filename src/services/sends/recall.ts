// Recall and edit a delivered broadcast (issue 17 point 12): a job over the messages it delivered,
// each by its platform message id, where the platform allows it — Telegram deletes and edits within
// 48 hours, VK deletes for everyone within 24 hours; Viber and the others cannot, and the answer
// says so. The engine runs the job (engine/recalls.ts) at each channel's rate.
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { logRun } from '../../storage/queries/runs.ts';
import { notifyWake } from '../../storage/queries/wake.ts';
import { actorName, actorNames } from '../actor-names.ts';
import type { ServiceContext } from '../context.ts';

export interface RecallInput {
  action: 'delete' | 'edit';
  /** The new text (edit only). */
  text?: string;
}

interface PlatformRule {
  platform: string;
  hours: number;
}

/** Which platforms can do the action, and within how many hours of sending. */
function rules(ctx: ServiceContext, action: RecallInput['action']): PlatformRule[] {
  const out: PlatformRule[] = [];
  for (const client of ctx.platforms.values()) {
    const hours = action === 'delete' ? client.recall?.deleteWithinHours : client.recall?.editWithinHours;
    if (hours) out.push({ platform: client.code, hours });
  }
  return out;
}

function notPossible(ctx: ServiceContext, platforms: string[], action: RecallInput['action']): string {
  const names = platforms.map((p) => ctx.platforms.get(p)?.displayName ?? p).join(', ');
  return action === 'delete'
    ? `${names} cannot delete a message already delivered, so this send cannot be recalled there.`
    : `${names} cannot edit a message already delivered.`;
}

export async function createRecall(ctx: ServiceContext, workspaceId: number, sendId: number, input: RecallInput, by: string) {
  if (input.action === 'edit' && !input.text?.trim()) throw invalid('text_required', 'An edit needs the new text.', { field: 'text' });
  const allowed = rules(ctx, input.action);
  const result = await ctx.db.transaction(async (tx) => {
    const [send] = await tx.query<{ id: number; content: { type: string } }>(
      'SELECT id, content FROM sends WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
      [sendId, workspaceId],
    );
    if (!send) throw notFound('send', sendId);
    if (input.action === 'edit' && send.content?.type !== 'text') {
      throw invalid('edit_text_only', 'Only a text message can be edited; this send is a bot screen.', { field: 'action' });
    }
    const running = await tx.query<{ id: number }>(`SELECT id FROM recalls WHERE send_id = $1 AND state = 'running'`, [sendId]);
    if (running.length > 0) throw conflict('recall_running', `Recall #${running[0].id} of send #${sendId} is still running.`);
    // Delivered messages with their id, per platform: possible there (and recent enough), or not.
    const base = `FROM deliveries d JOIN runs r ON r.id = d.run_id JOIN channels c ON c.id = d.channel_id
      LEFT JOIN unnest($2::text[], $3::int[]) AS p(platform, hours) ON p.platform = c.platform
      WHERE r.send_id = $1 AND d.state = 'sent' AND coalesce(d.platform_message_id, '') <> ''`;
    const params = [sendId, allowed.map((a) => a.platform), allowed.map((a) => a.hours)];
    const [counts] = await tx.query<{ unsupported: number; too_old: number; platforms: string[] | null }>(
      `SELECT count(*) FILTER (WHERE p.hours IS NULL)::int AS unsupported,
              count(*) FILTER (WHERE p.hours IS NOT NULL AND d.updated_at <= now() - make_interval(hours => p.hours))::int AS too_old,
              array_agg(DISTINCT c.platform) FILTER (WHERE p.hours IS NULL) AS platforms
       ${base}`,
      params,
    );
    const [job] = await tx.query<{ id: number }>(
      `INSERT INTO recalls (workspace_id, send_id, action, text, created_by, too_old, unsupported) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [workspaceId, sendId, input.action, input.action === 'edit' ? input.text : null, by, counts.too_old, counts.unsupported],
    );
    const items = await tx.query<{ run_id: number }>(
      `INSERT INTO recall_items (recall_id, run_id, channel_id, recipient, message_id)
       SELECT $4, d.run_id, d.channel_id, d.recipient, d.platform_message_id ${base}
         AND p.hours IS NOT NULL AND d.updated_at > now() - make_interval(hours => p.hours)
       ORDER BY d.id
       RETURNING run_id`,
      [...params, job.id],
    );
    if (items.length === 0) {
      const why =
        counts.unsupported > 0 && counts.too_old === 0
          ? notPossible(ctx, counts.platforms ?? [], input.action)
          : counts.too_old > 0
            ? `Its messages were delivered too long ago: ${allowed.map((a) => `${ctx.platforms.get(a.platform)?.displayName} allows it within ${a.hours} hours`).join(', ')}.`
            : `Send #${sendId} has no delivered message to ${input.action === 'delete' ? 'recall' : 'edit'}.`;
      throw conflict('recall_not_possible', why);
    }
    const name = await actorName(tx, workspaceId, by);
    const perRun = new Map<number, number>();
    for (const i of items) perRun.set(i.run_id, (perRun.get(i.run_id) ?? 0) + 1);
    const left =
      (counts.too_old > 0 ? `; ${counts.too_old} sent too long ago are left` : '') +
      (counts.unsupported > 0 ? `; ${counts.unsupported} on platforms that cannot are left` : '');
    for (const [runId, n] of perRun) {
      const what = input.action === 'delete' ? `${n} message(s) to delete from the recipients' chats` : `${n} message(s) to edit`;
      await logRun(
        tx,
        runId,
        'recall_started',
        `${input.action === 'delete' ? 'Recall' : 'Edit'} #${job.id} started by ${name}: ${what}${left}`,
        {
          recallId: job.id,
          by,
          count: n,
        },
      );
    }
    await notifyWake(tx, 'work');
    return { id: job.id, messages: items.length, tooOld: counts.too_old, unsupported: counts.unsupported };
  });
  return { ...result, sendId, action: input.action, state: 'running' as const };
}

interface RecallRow {
  id: number;
  action: string;
  text: string | null;
  state: string;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
  too_old: number;
  unsupported: number;
  queued: number;
  done: number;
  failed: number;
}

/** The send's recall and edit jobs, newest first, with their progress. */
export async function listRecalls(ctx: ServiceContext, workspaceId: number, sendId: number) {
  const [send] = await ctx.db.query<{ id: number }>('SELECT id FROM sends WHERE id = $1 AND workspace_id = $2', [sendId, workspaceId]);
  if (!send) throw notFound('send', sendId);
  const rows = await ctx.db.query<RecallRow>(
    `SELECT j.id, j.action, j.text, j.state, j.created_by, j.created_at, j.finished_at, j.too_old, j.unsupported,
            count(i.id) FILTER (WHERE i.state IN ('queued', 'in_flight'))::int AS queued,
            count(i.id) FILTER (WHERE i.state = 'done')::int AS done,
            count(i.id) FILTER (WHERE i.state = 'failed')::int AS failed
     FROM recalls j LEFT JOIN recall_items i ON i.recall_id = j.id
     WHERE j.send_id = $1 GROUP BY j.id ORDER BY j.id DESC LIMIT 50`,
    [sendId],
  );
  const names = await actorNames(
    ctx.db,
    workspaceId,
    rows.map((r) => r.created_by),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      text: r.text,
      state: r.state,
      createdByName: names.get(r.created_by) ?? r.created_by,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
      counts: { messages: r.queued + r.done + r.failed, pending: r.queued, done: r.done, failed: r.failed },
      tooOld: r.too_old,
      unsupported: r.unsupported,
    })),
  };
}
