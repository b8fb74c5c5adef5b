// Issue 16 point 7: a WhatsApp `statuses` callback with `failed` (Meta accepted the message, then
// could not deliver it) turns the `sent` delivery into `failed` with Meta's code, found by the key
// Botcast sends as biz_opaque_callback_data and checked against the wamid; repeated, it changes
// nothing, and nothing is sent again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type TestApp } from '../helpers/app.ts';
import { closeEngineAndFake, startEngineAndFake } from '../helpers/engine-and-fake.ts';
import { type FakeServer } from '../fakes/server.ts';
import { addChannel, makeWorld, seedSubscribers, waitForSend } from '../helpers/world.ts';

let t: TestApp;
let fake: FakeServer;
const hmac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');

before(async () => ({ t, fake } = await startEngineAndFake()));
after(() => closeEngineAndFake(t, fake));

describe('WhatsApp failed status', () => {
  test('turns the sent delivery into failed with its code, once, and sends nothing again', async () => {
    const w = await makeWorld(t);
    const credentials = { accessToken: 'wa-token', phoneNumberId: '106540352242922', appSecret: 'app-secret', verifyToken: 'v' };
    const channelId = await addChannel(t, w, 'wa', { credentials, apiBaseUrl: fake.url, ratePerSecond: 1000 });
    await seedSubscribers(t.app.ctx.db, {
      workspaceId: w.workspaceId,
      botId: w.botId,
      channelId,
      platform: 'wa',
      count: 2,
      prefix: '165055512',
      startAt: 10,
    });
    const res = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: { content: { type: 'text', text: 'Hello' }, channelIds: [channelId], audience: { type: 'all' } },
    });
    assert.equal(res.status, 201, res.text);
    await waitForSend(t, w, res.body.id);
    const deliveries = await t.app.ctx.db.query<{ id: number; platform_message_id: string }>(
      `SELECT id, platform_message_id FROM deliveries WHERE channel_id = $1 AND state = 'sent' ORDER BY id`,
      [channelId],
    );
    assert.equal(deliveries.length, 2);
    const [target, other] = deliveries;
    const sent = fake.records.filter((r) => r.send && r.channel === '106540352242922');
    assert.equal(sent.length, 2);
    assert.ok(
      sent.some((r) => (r.body as Record<string, unknown>).biz_opaque_callback_data === `botcast-delivery:${target.id}`),
      'each send carries its delivery key',
    );

    const body = readFileSync(new URL('../fixtures/wa/webhook-status-failed.json', import.meta.url), 'utf8')
      .replace('DELIVERY_ID', String(target.id))
      .replace('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDNjQ4NzJBMzVBQTFFQkM1NUIA', target.platform_message_id);
    const post = (raw: string) =>
      t.request('POST', `/hooks/wa/${channelId}`, {
        raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hmac('app-secret', raw)}` },
      });
    const wrongWamid = body.replace(target.platform_message_id, other.platform_message_id);
    assert.equal(JSON.parse((await post(wrongWamid)).text).failedLater, 0, 'key and wamid must both match');
    const first = await post(body);
    assert.equal(first.status, 200, first.text);
    assert.equal(JSON.parse(first.text).failedLater, 1);
    assert.equal(JSON.parse((await post(body)).text).failedLater, 0, 'a repeated callback changes nothing');

    const rows = await t.app.ctx.db.query<{ state: string; outcome: string; error_code: string | null; attempts: number }>(
      'SELECT state, outcome, error_code, attempts FROM deliveries WHERE channel_id = $1 ORDER BY id',
      [channelId],
    );
    assert.deepEqual(
      rows.map((r) => [r.state, r.outcome, r.error_code, r.attempts]),
      [
        ['failed', 'invalid_recipient', '131026', 1],
        ['sent', 'sent', null, 1],
      ],
    );
    const [lane] = await t.app.ctx.db.query<{ sent: number; failed: number }>('SELECT sent, failed FROM run_lanes WHERE channel_id = $1', [
      channelId,
    ]);
    assert.deepEqual([lane.sent, lane.failed], [1, 1], 'the lane counts it failed');
    assert.equal(fake.records.filter((r) => r.send && r.channel === '106540352242922').length, 2, 'not sent again');
  });
});
