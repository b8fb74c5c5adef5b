// Turning a due run into deliveries: one lane per selected channel, recipients inserted in chunks
// (each chunk and the lane's cursor commit together, so a crash resumes where it stopped), then
// the audience per platform is logged and the run is delivering.
//
// Several workers tick at once: a lease on the run keeps its materialisation to one of them, and
// each chunk re-reads the lane's cursor under the lane's lock, so even two workers that overlap
// (a lease ran out under a stall) insert every chunk once. The audience line is written by the
// worker whose chunk finished the lane.
import type { Queryable } from '../storage/db.ts';
import type { EngineContext } from './types.ts';
import type { SendTargeting } from '../domain/send/targeting.ts';
import { logRun } from '../storage/queries/runs.ts';
import { analyzeAfterBulkWrite } from '../storage/queries/statistics.ts';
import { notifyWake } from '../storage/queries/wake.ts';
import { materialiseChunk, renewMaterialiseLease, takeRunToMaterialise } from './sql/runs.ts';

interface SendRow {
  id: number;
  workspace_id: number;
  bot_id: number;
  targeting: SendTargeting;
  end_open_chats: boolean;
  kind: string;
}

/** Materialises at most one run; returns its id, or null when none was due. */
export async function materialiseNextRun(ctx: EngineContext): Promise<number | null> {
  const taken = await ctx.db.transaction(async (tx) => {
    const run = await takeRunToMaterialise(tx, ctx.settings.materialiseLeaseSec);
    if (!run) return null;
    const [send] = await tx.query<SendRow>('SELECT id, workspace_id, bot_id, targeting, end_open_chats, kind FROM sends WHERE id = $1', [
      run.send_id,
    ]);
    if (run.state === 'pending') {
      await tx.query(`UPDATE runs SET state = 'materialising', started_at = now() WHERE id = $1`, [run.id]);
      const channels = await tx.query<{ id: number; platform: string }>(
        'SELECT id, platform FROM channels WHERE id = ANY($1::bigint[]) AND workspace_id = $2',
        [send.targeting.channelIds, send.workspace_id],
      );
      await tx.query(`INSERT INTO run_lanes (run_id, channel_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`, [
        run.id,
        channels.map((c) => c.id),
      ]);
      await logRun(tx, run.id, 'started', `Started; platforms: ${channels.map((c) => c.platform).join(', ') || 'none'}`, {
        channels: channels.map((c) => ({ channelId: c.id, platform: c.platform })),
        endOpenChats: send.end_open_chats,
      });
    }
    return { run, send };
  });
  if (!taken) return null;
  await materialiseLanes(ctx, taken.run.id, taken.send);
  return taken.run.id;
}

async function materialiseLanes(ctx: EngineContext, runId: number, send: SendRow) {
  const lanes = await ctx.db.query<{ id: number; channel_id: number; platform: string }>(
    `SELECT l.id, l.channel_id, c.platform FROM run_lanes l JOIN channels c ON c.id = l.channel_id
     WHERE l.run_id = $1 AND NOT l.materialised ORDER BY l.id`,
    [runId],
  );
  let written = 0;
  // Opt-out applies to broadcasts and triggers, and to external events unless they ignore it; the
  // frequency cap to broadcasts only (storage/queries/audience-consent.ts).
  const skipOptedOut = send.kind !== 'external' || send.targeting.ignoreOptOut !== true;
  const [bot] = await ctx.db.query<{ count: number | null; days: number | null }>(
    'SELECT frequency_cap_count AS count, frequency_cap_days AS days FROM bots WHERE id = $1',
    [send.bot_id],
  );
  const cap = send.kind === 'broadcast' && bot?.count && bot.days ? { count: bot.count, days: bot.days } : null;
  for (const lane of lanes) {
    let held = 0;
    let closed = 0;
    let finishedHere = false;
    for (;;) {
      // A chunk can write tens of MB. Below the disk reserve (embedded mode) stop before the next
      // one and free the run (the cursor is kept): it resumes once space is back.
      if (ctx.disk && !(await ctx.disk.check()).ok) {
        await ctx.db.query('UPDATE runs SET materialise_lease_until = NULL WHERE id = $1', [runId]).catch(() => {});
        return;
      }
      const result = await ctx.db.transaction(async (tx: Queryable) => {
        // The run may have been stopped meanwhile (then its lanes are marked materialised), or
        // another worker may have gone on with this lane: the cursor is read under the lock.
        const [state] = await tx.query<{ materialised: boolean; materialise_cursor: number }>(
          'SELECT materialised, materialise_cursor FROM run_lanes WHERE id = $1 FOR UPDATE',
          [lane.id],
        );
        if (state.materialised) return null;
        const cursor = Number(state.materialise_cursor);
        await renewMaterialiseLease(tx, runId, ctx.settings.materialiseLeaseSec);
        const chunk = await materialiseChunk(tx, {
          runId,
          laneId: lane.id,
          channelId: lane.channel_id,
          cursor,
          chunk: ctx.settings.materialiseChunk,
          sendId: send.id,
          targeting: send.targeting,
          endOpenChats: send.end_open_chats,
          holdExpirySeconds: ctx.settings.holdExpiryMs / 1000,
          workspaceId: send.workspace_id,
          botId: send.bot_id,
          skipOptedOut,
          cap,
        });
        const done = chunk.lastId === null || chunk.candidates < ctx.settings.materialiseChunk;
        await tx.query('UPDATE run_lanes SET materialise_cursor = $2, materialised = $3, capped = capped + $4 WHERE id = $1', [
          lane.id,
          chunk.lastId ?? cursor,
          done,
          chunk.capped,
        ]);
        // Workers claim the chunk's deliveries as soon as it commits.
        if (chunk.lastId !== null) await notifyWake(tx, 'work');
        return { ...chunk, done };
      });
      if (!result) break;
      held += result.held;
      closed += result.chatsClosed;
      written += result.candidates;
      if (result.done) {
        finishedHere = true;
        break;
      }
    }
    if (!finishedHere) continue;
    const [counts] = await ctx.db.query<{ recipients: number; held: number; capped: number }>(
      'SELECT recipients, held, capped FROM run_lanes WHERE id = $1',
      [lane.id],
    );
    await logRun(ctx.db, runId, 'audience', `${lane.platform}: ${counts.recipients} recipients`, {
      channelId: lane.channel_id,
      platform: lane.platform,
      recipients: counts.recipients,
    });
    if (counts.capped > 0)
      await logRun(
        ctx.db,
        runId,
        'frequency_capped',
        `${lane.platform}: ${counts.capped} recipients left out: they reached the bot's frequency cap`,
        { channelId: lane.channel_id, capped: counts.capped, reason: 'frequency_cap' },
      );
    if (closed > 0)
      await logRun(ctx.db, runId, 'chats_closed', `${lane.platform}: ${closed} open operator chats closed (End open chats)`, {
        channelId: lane.channel_id,
        closed,
      });
    if (held > 0)
      await logRun(
        ctx.db,
        runId,
        'held',
        `${lane.platform}: ${held} recipients are in an open operator chat and will receive it when the chat closes`,
        { channelId: lane.channel_id, held },
      );
  }
  await ctx.db.query(
    `UPDATE runs SET state = 'delivering', materialise_lease_until = NULL WHERE id = $1 AND state = 'materialising'
       AND NOT EXISTS (SELECT 1 FROM run_lanes WHERE run_id = $1 AND NOT materialised)`,
    [runId],
  );
  // Claims and outcome batches are planned against the deliveries this run just added.
  await analyzeAfterBulkWrite(ctx.db, ['deliveries'], written);
}
