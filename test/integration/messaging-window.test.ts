// Issue 16 point 1: the messaging window per subscriber. WhatsApp lets a business send a free-form
// message only within 24 h of the person's last message; the fake WhatsApp server enforces it
// (131047, as the real one does). Botcast records each person's last inbound message, the preview
// counts who is outside the window, and the engine leaves them out at claim time — so a window
// that closes between preview and delivery is handled — as `outside_window`, counted apart from
// errors, with a log line saying how many and why. A 131047 the platform still answers ends the
// same way, not retried.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { type TestApp } from '../helpers/app.ts';
import { closeEngineAndFake, startEngineAndFake } from '../helpers/engine-and-fake.ts';
import { type FakeServer } from '../fakes/server.ts';
import { addChannel, makeWorld, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';
import { signedWaMessage } from '../helpers/wa-webhook.ts';

let t: TestApp;
let fake: FakeServer;
const HOUR = 3600_000;
const PHONE_ID = '106540352242922';
const hmac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');

before(async () => ({ t, fake } = await startEngineAndFake()));
after(() => closeEngineAndFake(t, fake));

/** A WhatsApp message from `from`, `hoursAgo` hours ago, through the signed webhook. */
async function writesIn(channelId: number, from: string, hoursAgo: number) {
  const seconds = Math.floor((Date.now() - hoursAgo * HOUR) / 1000);
  const res = await t.request(
    'POST',
    `/hooks/wa/${channelId}`,
    signedWaMessage({ phoneId: PHONE_ID, from, seconds, messageId: `wamid.${from}`, appSecret: 'app-secret' }),
  );
  assert.equal(res.status, 200, res.text);
  fake.userWrote('wa', from, seconds * 1000);
}

async function waWorld(): Promise<{ w: World; channelId: number }> {
  const w = await makeWorld(t);
  const credentials = { accessToken: 'wa-token', phoneNumberId: PHONE_ID, appSecret: 'app-secret', verifyToken: 'v' };
  const channelId = await addChannel(t, w, 'wa', { credentials, apiBaseUrl: fake.url, ratePerSecond: 1000 });
  return { w, channelId };
}

const body = (channelId: number) => ({ content: { type: 'text', text: 'Hello' }, channelIds: [channelId], audience: { type: 'all' } });

describe('messaging window (WhatsApp, 24 h)', () => {
  test('the last inbound message is recorded; an unblock does not open the window', async () => {
    const { channelId } = await waWorld();
    await writesIn(channelId, '15550001001', 2);
    const [row] = await t.app.ctx.db.query<{ last_inbound_at: Date }>(
      `SELECT last_inbound_at FROM subscribers WHERE channel_id = $1 AND platform_user_id = '15550001001'`,
      [channelId],
    );
    assert.ok(Math.abs(row.last_inbound_at.getTime() - (Date.now() - 2 * HOUR)) < 5_000);

    // Marketing messages resumed (user_preferences): active again, but the person wrote nothing.
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              field: 'user_preferences',
              value: {
                user_preferences: [
                  {
                    wa_id: '15550001002',
                    detail: 'x',
                    category: 'marketing_messages',
                    value: 'resume',
                    timestamp: Math.floor(Date.now() / 1000),
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const res = await t.request('POST', `/hooks/wa/${channelId}`, {
      raw,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hmac('app-secret', raw)}` },
    });
    assert.equal(res.status, 200, res.text);
    const [resumed] = await t.app.ctx.db.query<{ status: string; last_inbound_at: Date | null }>(
      `SELECT status, last_inbound_at FROM subscribers WHERE channel_id = $1 AND platform_user_id = '15550001002'`,
      [channelId],
    );
    assert.deepEqual([resumed.status, resumed.last_inbound_at], ['active', null]);
  });

  test('preview counts who is outside; the send leaves them out, the fake confirms nothing refused was sent', async () => {
    fake.reset();
    const { w, channelId } = await waWorld();
    await writesIn(channelId, '15550002001', 1); // inside
    await writesIn(channelId, '15550002002', 23); // inside
    await writesIn(channelId, '15550002003', 25); // outside
    await writesIn(channelId, '15550002004', 1); // inside at preview, outside at delivery (below)

    const preview = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, { key: w.key, body: body(channelId) });
    assert.equal(preview.status, 200, preview.text);
    const wa = preview.body.platforms.find((p: Json) => p.platform === 'wa');
    assert.deepEqual([wa.recipients, wa.leftOut], [3, { count: 1, reason: 'outside_window', hours: 24 }]);
    assert.equal(preview.body.outsideWindow, 1);

    // The window of one person closes between the preview and the delivery.
    await t.app.ctx.db.query(
      `UPDATE subscribers SET last_inbound_at = now() - interval '30 hours' WHERE channel_id = $1 AND platform_user_id = '15550002004'`,
      [channelId],
    );
    const created = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body: body(channelId) });
    assert.equal(created.status, 201, created.text);
    const done = await waitForSend(t, w, created.body.id);

    const rows = await t.app.ctx.db.query<{ recipient: string; state: string; outcome: string; error_code: string | null }>(
      'SELECT recipient, state, outcome, error_code FROM deliveries WHERE channel_id = $1 ORDER BY recipient',
      [channelId],
    );
    assert.deepEqual(
      rows.map((r) => [r.recipient, r.state, r.outcome, r.error_code]),
      [
        ['15550002001', 'sent', 'sent', null],
        ['15550002002', 'sent', 'sent', null],
        ['15550002003', 'cancelled', 'outside_window', 'outside_window'],
        ['15550002004', 'cancelled', 'outside_window', 'outside_window'],
      ],
    );
    const sent = fake.records.filter((r) => r.send && r.channel === PHONE_ID);
    assert.deepEqual(sent.map((r) => r.recipient).sort(), ['15550002001', '15550002002'], 'nothing the platform would refuse');
    const [lane] = await t.app.ctx.db.query<{ sent: number; failed: number; cancelled: number }>(
      'SELECT sent, failed, cancelled FROM run_lanes WHERE channel_id = $1',
      [channelId],
    );
    assert.deepEqual([lane.sent, lane.failed, lane.cancelled], [2, 0, 2], 'not counted as errors');

    // The send reads completed as soon as every delivery is final; the scheduler's pass that closes
    // the run writes the left-out line a moment later (a run failed here once, reading it too early).
    const events = await waitFor('the left-out log line', async () => {
      const found = await t.app.ctx.db.query<{ type: string; message: string }>(
        `SELECT e.type, e.message FROM run_events e JOIN runs r ON r.id = e.run_id WHERE r.send_id = $1 AND e.type = 'left_out'`,
        [done.id],
      );
      return found.length > 0 ? found : null;
    });
    assert.equal(events.length, 1);
    assert.match(events[0].message, /^Left out: 2 — 2 outside the messaging window/);
  });

  test('131047 from the platform ends outside_window, once, not retried', async () => {
    fake.reset();
    const { w, channelId } = await waWorld();
    await writesIn(channelId, '15550003001', 26);
    // Botcast believes the window is open (a clock or a missed message): the platform refuses.
    await t.app.ctx.db.query(`UPDATE subscribers SET last_inbound_at = now() WHERE channel_id = $1`, [channelId]);
    const created = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body: body(channelId) });
    assert.equal(created.status, 201, created.text);
    await waitForSend(t, w, created.body.id);
    const [row] = await t.app.ctx.db.query<{ state: string; outcome: string; error_code: string; attempts: number }>(
      'SELECT state, outcome, error_code, attempts FROM deliveries WHERE channel_id = $1',
      [channelId],
    );
    assert.deepEqual([row.state, row.outcome, row.error_code, row.attempts], ['cancelled', 'outside_window', '131047', 1]);
    assert.equal(fake.records.filter((r) => r.send && r.channel === PHONE_ID).length, 1, 'tried once');
  });
});
