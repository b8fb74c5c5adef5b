// The platform rules the fakes enforce for issue 16: Telegram's broadcast limits per bot (30/s free,
// 1000/s with allow_paid_broadcast; opt-in) and the Messenger/Instagram 24-hour window with the
// message tags of today (the update tags answer error 100 since 27 April 2026; HUMAN_AGENT, 7 days).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpCall } from '../../src/platforms/http.ts';
import { configureOutboundPolicy } from '../../src/security/outbound-policy.ts';
import { startFakeServer } from './server.ts';
import { TELEGRAM_FREE_LIMIT, fakeTelegram } from './platforms/tg.ts';
import { fakeMessenger } from './platforms/fb.ts';
import { fakeInstagram } from './platforms/instagram.ts';

configureOutboundPolicy({ allowPrivate: true });

const statusOf = (r: Awaited<ReturnType<typeof httpCall>>) => (r.kind === 'response' ? r.status : 0);

test('Telegram: over 30 sends in a second without allow_paid_broadcast → 429; with it, accepted', async () => {
  const fake = await startFakeServer({ platforms: [() => fakeTelegram({ broadcastLimits: true })] });
  try {
    const send = (token: string, i: number, paid: boolean) =>
      httpCall(`${fake.url}/bot${token}/sendMessage`, { json: { chat_id: i, text: 'x', ...(paid && { allow_paid_broadcast: true }) } });
    const free = await Promise.all(Array.from({ length: TELEGRAM_FREE_LIMIT * 3 }, (_, i) => send('1:free', i, false)));
    const refused = free.filter((r) => statusOf(r) === 429);
    assert.ok(refused.length >= 1, 'refused over the free limit');
    assert.deepEqual(refused[0].kind === 'response' && (refused[0].body as { parameters: unknown }).parameters, { retry_after: 1 });
    const paid = await Promise.all(Array.from({ length: TELEGRAM_FREE_LIMIT + 10 }, (_, i) => send('2:paid', i, true)));
    assert.deepEqual(
      paid.map(statusOf).filter((s) => s !== 200),
      [],
      'paid broadcasts go up to 1000/s',
    );
  } finally {
    await fake.close();
  }
});

for (const [platform, subcode, base] of [
  ['fb', 2018278, ''],
  ['instagram', 2534022, '/instagram'],
] as const) {
  test(`${platform}: outside the window error 10/${subcode}; retired tags error 100; HUMAN_AGENT within 7 days`, async () => {
    const fake = await startFakeServer({ platforms: [fakeMessenger, fakeInstagram] });
    try {
      const send = (recipient: string, extra: Record<string, unknown> = {}) =>
        httpCall(`${fake.url}${base}/v21.0/me/messages?access_token=page`, {
          json: { recipient: { id: recipient }, messaging_type: 'UPDATE', message: { text: 'hi' }, ...extra },
        });
      const body = (r: Awaited<ReturnType<typeof httpCall>>) =>
        r.kind === 'response' ? (r.body as { error?: { code: number; error_subcode?: number } }).error : undefined;
      fake.userWrote(platform, '1', Date.now() - 3600_000);
      fake.userWrote(platform, '2', Date.now() - 30 * 3600_000);
      fake.userWrote(platform, '3', Date.now() - 8 * 24 * 3600_000);
      assert.equal(statusOf(await send('1')), 200, 'inside');
      assert.equal(statusOf(await send('9')), 200, 'nothing known of the person: accepted as before');
      const outside = await send('2');
      assert.deepEqual([statusOf(outside), body(outside)?.code, body(outside)?.error_subcode], [400, 10, subcode]);
      const retired = await send('2', { messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' });
      assert.deepEqual([statusOf(retired), body(retired)?.code], [400, 100]);
      const agent = { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
      assert.equal(statusOf(await send('2', agent)), 200, 'a human agent within 7 days');
      assert.equal(body(await send('3', agent))?.code, 10, 'not after 7 days');
    } finally {
      await fake.close();
    }
  });
}
