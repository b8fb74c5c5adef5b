// Issue 16 point 2: WhatsApp message templates. A WhatsApp channel reads its templates from the
// (fake) platform; a send may carry one, with its body variables mapped from Botcast variables
// (a fallback whenever one comes out empty); people outside the 24-hour window get the template
// instead of being left out. The fake WhatsApp server checks template sends as Meta does (known
// name and language, approved, parameter count, image header) and answers the marketing refusals
// (131050 stopped, 131049 per-person limit) for numbers ending so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE, addChannel, makeWorld, waitFor, waitForSend, type World } from '../helpers/world.ts';
import type { Json } from '../helpers/json.ts';

let t: TestApp;
let fake: FakeServer;
const HOUR = 3600_000;
const PHONE_ID = '106540352242922';
const WABA_ID = '102290129340398';
const hmac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');

before(async () => {
  fake = await startFakeServer({ seed: 1 });
  t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
});
after(async () => {
  await t.close();
  await fake.close();
});

async function webhook(channelId: number, value: Record<string, unknown>) {
  const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes: [{ field: 'messages', value }] }] });
  const res = await t.request('POST', `/hooks/wa/${channelId}`, {
    raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hmac('app-secret', raw)}` },
  });
  assert.equal(res.status, 200, res.text);
}

/** A message from `from`, `hoursAgo` hours ago; `name` '' sends no profile name. */
async function writesIn(channelId: number, from: string, hoursAgo: number, name = `Pat${from.slice(-2)} Lee`) {
  const seconds = Math.floor((Date.now() - hoursAgo * HOUR) / 1000);
  await webhook(channelId, {
    messaging_product: 'whatsapp',
    metadata: { phone_number_id: PHONE_ID },
    contacts: name ? [{ wa_id: from, profile: { name } }] : [],
    messages: [{ from, id: `wamid.${from}`, timestamp: String(seconds), type: 'text', text: { body: 'hi' } }],
  });
  fake.userWrote('wa', from, seconds * 1000);
}

async function waWorld(withWaba = true): Promise<{ w: World; channelId: number }> {
  const w = await makeWorld(t);
  const credentials = {
    accessToken: 'wa-token',
    phoneNumberId: PHONE_ID,
    appSecret: 'app-secret',
    verifyToken: 'v',
    ...(withWaba ? { businessAccountId: WABA_ID } : {}),
  };
  const channelId = await addChannel(t, w, 'wa', { credentials, apiBaseUrl: fake.url, ratePerSecond: 1000 });
  return { w, channelId };
}

async function refresh(w: World, channelId: number) {
  const res = await t.request('POST', `/api/channels/${channelId}/whatsapp-templates/refresh`, { key: w.key });
  assert.equal(res.status, 200, res.text);
  return res.body;
}

const SALE = {
  name: 'spring_sale',
  language: 'en_US',
  variables: [
    { value: '{{first_name}}', fallback: 'friend' },
    { value: '{{when}}', fallback: 'soon' },
  ],
  headerImage: true,
};
const IMAGE = { type: 'image', url: 'https://example.com/sale.jpg' };

const sendBody = (channelId: number, whatsappTemplate: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  content: { type: 'text', text: 'Spring sale, {{first_name|friend}}!', media: IMAGE, whatsappTemplate, ...extra },
  channelIds: [channelId],
  audience: { type: 'all' },
});

type Row = { recipient: string; state: string; outcome: string; error_code: string | null; error_text: string | null };
const deliveries = (channelId: number) =>
  t.app.ctx.db.query<Row>(
    'SELECT recipient, state, outcome, error_code, error_text FROM deliveries WHERE channel_id = $1 ORDER BY recipient',
    [channelId],
  );
const sends = () =>
  fake.records.filter((r) => r.send && r.channel === PHONE_ID) as Array<{ recipient: string; body: Json; status: number }>;

describe('WhatsApp templates', () => {
  test('the channel lists its templates from WhatsApp (every page), on demand; without the account id it says why', async () => {
    fake.reset();
    const { w, channelId } = await waWorld();
    const before = await t.request('GET', `/api/channels/${channelId}/whatsapp-templates`, { key: w.key });
    assert.deepEqual([before.status, before.body.refreshedAt, before.body.templates], [200, null, []]);
    const list = await refresh(w, channelId);
    assert.equal(list.error, null);
    assert.ok(list.refreshedAt);
    assert.deepEqual(
      list.templates.map((x: Json) => [x.name, x.language, x.category, x.status, x.bodyParameters, x.headerFormat]),
      [
        ['new_offer', 'en_US', 'MARKETING', 'PENDING', 1, null],
        ['order_update', 'de', 'UTILITY', 'APPROVED', 1, null],
        ['order_update', 'en_US', 'UTILITY', 'APPROVED', 1, null],
        ['spring_sale', 'en_US', 'MARKETING', 'APPROVED', 2, 'IMAGE'],
        ['winter_promo', 'en_US', 'MARKETING', 'PAUSED', 0, null],
      ],
    );
    const calls = fake.records.filter((r) => r.method === 'message_templates');
    // Three pages of two, followed by their cursors: the list above holds the last page's template.
    // The scheduler may read the list meanwhile too (a list never read is due for its background
    // refresh; a loaded run saw 5 calls): at least the three pages of this refresh.
    assert.ok(calls.length >= 3, `${calls.length} calls`);
    assert.ok(calls.every((r) => r.channel === WABA_ID));

    const other = await waWorld(false);
    const failed = await refresh(other.w, other.channelId);
    assert.match(failed.error, /WhatsApp Business Account ID/);
    assert.deepEqual(failed.templates, []);

    // Not a WhatsApp channel: no templates there.
    const tg = await addChannel(t, w, 'tg', { credentials: { token: '123:abc' }, apiBaseUrl: fake.url });
    const refused = await t.request('POST', `/api/channels/${tg}/whatsapp-templates/refresh`, { key: w.key });
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.body.error.code, 'templates_not_supported');
  });

  test('the fake refuses a free-form message 25 h after the last one (131047), and takes the template', async () => {
    fake.reset();
    const { w, channelId } = await waWorld();
    await refresh(w, channelId);
    await writesIn(channelId, '15551000001', 25);
    // Botcast believes the window open (as if a message were missed): the free-form is refused.
    await t.app.ctx.db.query('UPDATE subscribers SET last_inbound_at = now() WHERE channel_id = $1', [channelId]);
    const free = await t.request('POST', `/api/bots/${w.botId}/sends`, {
      key: w.key,
      body: { content: { type: 'text', text: 'hi' }, channelIds: [channelId], audience: { type: 'all' } },
    });
    await waitForSend(t, w, free.body.id);
    assert.deepEqual(
      (await deliveries(channelId)).map((r) => [r.outcome, r.error_code]),
      [['outside_window', '131047']],
    );
    // The same person, the window known closed, the send carrying a template: it goes.
    await t.app.ctx.db.query(`UPDATE subscribers SET last_inbound_at = now() - interval '25 hours' WHERE channel_id = $1`, [channelId]);
    await t.app.ctx.db.query('DELETE FROM deliveries WHERE channel_id = $1', [channelId]);
    const templated = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body: sendBody(channelId, SALE) });
    assert.equal(templated.status, 201, templated.text);
    await waitForSend(t, w, templated.body.id);
    assert.deepEqual(
      (await deliveries(channelId)).map((r) => [r.state, r.outcome]),
      [['sent', 'sent']],
    );
    const last = sends().at(-1)!;
    assert.equal(last.status, 200);
    assert.equal(last.body.type, 'template');
  });

  test('a mixed audience: free-form inside, the template outside with variables mapped, marketing refusals apart; the preview counted it so', async () => {
    fake.reset();
    const { w, channelId } = await waWorld();
    await refresh(w, channelId);
    await writesIn(channelId, '15552000001', 1); // inside: free-form
    await writesIn(channelId, '15552000002', 30); // outside: template
    await writesIn(channelId, '15552000003', 30, ''); // outside, no name: {{1}} ← fallback "friend"
    await writesIn(channelId, '15552131049', 30); // outside: Meta's per-person marketing limit (131049)
    await writesIn(channelId, '15552000005', 30); // outside, stopped marketing messages (below): left out
    await webhook(channelId, {
      messaging_product: 'whatsapp',
      user_preferences: [
        { wa_id: '15552000005', category: 'marketing_messages', value: 'stop', timestamp: Math.floor(Date.now() / 1000), detail: 'x' },
      ],
    });
    const [flag] = await t.app.ctx.db.query<{ status: string; stopped: boolean }>(
      `SELECT status, marketing_stopped_at IS NOT NULL AS stopped FROM subscribers WHERE platform_user_id = '15552000005'`,
    );
    assert.deepEqual([flag.status, flag.stopped], ['active', true], 'a flag, not blocked');

    const body = sendBody(channelId, SALE);
    const preview = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, { key: w.key, body });
    assert.equal(preview.status, 200, preview.text);
    const wa = preview.body.platforms[0];
    assert.deepEqual(wa.whatsappTemplate, {
      name: 'spring_sale',
      language: 'en_US',
      category: 'MARKETING',
      policy: 'outside_window',
      freeForm: 1,
      template: 3,
      marketingStopped: 1,
    });
    assert.deepEqual([wa.recipients, wa.leftOut.count, wa.leftOut.reason], [4, 1, 'marketing_stopped']);
    assert.equal(preview.body.outsideWindow, 0, 'nobody is left out for the window: they get the template');

    const created = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body });
    assert.equal(created.status, 201, created.text);
    const done = await waitForSend(t, w, created.body.id);
    assert.deepEqual(
      (await deliveries(channelId)).map((r) => [r.recipient, r.state, r.outcome, r.error_code]),
      [
        ['15552000001', 'sent', 'sent', null],
        ['15552000002', 'sent', 'sent', null],
        ['15552000003', 'sent', 'sent', null],
        ['15552000005', 'cancelled', 'marketing_stopped', 'marketing_stopped'],
        ['15552131049', 'cancelled', 'marketing_limit', '131049'],
      ],
    );
    const byRecipient = new Map(sends().map((r) => [r.recipient, r.body]));
    assert.equal(byRecipient.get('15552000001').type, 'image', 'free-form inside the window');
    assert.equal(byRecipient.has('15552000005'), false, 'nothing sent to who stopped marketing messages');
    const template = (to: string) => byRecipient.get(to).template;
    assert.deepEqual(template('15552000002'), {
      name: 'spring_sale',
      language: { code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: IMAGE.url } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Pat02' },
            { type: 'text', text: 'soon' },
          ],
        },
      ],
    });
    assert.deepEqual(
      template('15552000003').components[1].parameters.map((p: Json) => p.text),
      ['friend', 'soon'],
      'missing variables → the fallbacks, never an empty parameter',
    );
    // The preview's counts are what was sent: free-form, template, left out.
    const kinds = sends().map((r) => (r.body.type === 'template' ? 'template' : 'free'));
    assert.equal(kinds.filter((k) => k === 'free').length, wa.whatsappTemplate.freeForm);
    assert.equal(kinds.filter((k) => k === 'template').length, wa.whatsappTemplate.template);
    const [lane] = await t.app.ctx.db.query<{ sent: number; failed: number; cancelled: number }>(
      'SELECT sent, failed, cancelled FROM run_lanes WHERE channel_id = $1',
      [channelId],
    );
    assert.deepEqual([lane.sent, lane.failed, lane.cancelled], [3, 0, 2], 'the marketing refusals are not errors');
    const line = await waitFor('the left-out log line', async () => {
      const found = await t.app.ctx.db.query<{ message: string }>(
        `SELECT e.message FROM run_events e JOIN runs r ON r.id = e.run_id WHERE r.send_id = $1 AND e.type = 'left_out'`,
        [done.id],
      );
      return found[0]?.message;
    });
    assert.match(
      line,
      /^Left out: 2 — 1 not delivered by Meta’s per-person marketing limit \(WhatsApp 131049\); 1 stopped marketing messages/,
    );
  });

  test('131050 from WhatsApp flags the subscriber (not blocked); a utility template still reaches them; policy "everyone"', async () => {
    fake.reset();
    const { w, channelId } = await waWorld();
    await refresh(w, channelId);
    await writesIn(channelId, '15553131050', 30);
    await writesIn(channelId, '15553000002', 1);
    const marketing = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body: sendBody(channelId, SALE) });
    await waitForSend(t, w, marketing.body.id);
    const [row] = (await deliveries(channelId)).filter((r) => r.recipient === '15553131050');
    assert.deepEqual([row.state, row.outcome, row.error_code], ['cancelled', 'marketing_stopped', '131050']);
    const [sub] = await t.app.ctx.db.query<{ status: string; stopped: boolean }>(
      `SELECT status, marketing_stopped_at IS NOT NULL AS stopped FROM subscribers WHERE platform_user_id = '15553131050'`,
    );
    assert.deepEqual([sub.status, sub.stopped], ['active', true]);

    // A utility template, to everyone (inside the window too): both get it.
    await t.app.ctx.db.query('DELETE FROM deliveries WHERE channel_id = $1', [channelId]);
    fake.reset();
    const utility = {
      name: 'order_update',
      language: 'en_US',
      variables: [{ value: '{{first_name}}', fallback: 'there' }],
      policy: 'everyone',
    };
    const body = {
      content: { type: 'text', text: 'Order news', whatsappTemplate: utility },
      channelIds: [channelId],
      audience: { type: 'all' },
    };
    const preview = await t.request('POST', `/api/bots/${w.botId}/sends/preview`, { key: w.key, body });
    assert.deepEqual([preview.body.platforms[0].whatsappTemplate.freeForm, preview.body.platforms[0].whatsappTemplate.template], [0, 2]);
    const sent = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body });
    assert.equal(sent.status, 201, sent.text);
    await waitForSend(t, w, sent.body.id);
    assert.deepEqual(
      (await deliveries(channelId)).map((r) => [r.recipient, r.outcome]),
      [
        ['15553000002', 'sent'],
        ['15553131050', 'sent'],
      ],
    );
    assert.ok(sends().every((r) => r.body.type === 'template' && r.body.template.name === 'order_update'));
  });

  test('a template error (132xxx) is permanent, with the template named', async () => {
    fake.reset();
    const { w, channelId } = await waWorld();
    await refresh(w, channelId);
    await writesIn(channelId, '15554000001', 30);
    // The stored list is a day old: WhatsApp paused the template since.
    await t.app.ctx.db.query(`UPDATE whatsapp_templates SET status = 'APPROVED' WHERE channel_id = $1 AND name = 'winter_promo'`, [
      channelId,
    ]);
    const body = {
      content: { type: 'text', text: 'x', whatsappTemplate: { name: 'winter_promo', language: 'en_US', variables: [] } },
      channelIds: [channelId],
      audience: { type: 'all' },
    };
    const created = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body });
    assert.equal(created.status, 201, created.text);
    await waitForSend(t, w, created.body.id);
    const [row] = await deliveries(channelId);
    assert.deepEqual([row.state, row.outcome, row.error_code], ['failed', 'permanent', '132015']);
    assert.match(row.error_text!, /^Template "winter_promo" \(en_US\): /);
  });

  test('a send is refused before it starts when the template does not fit', async () => {
    const { w, channelId } = await waWorld();
    await refresh(w, channelId);
    const attempt = async (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const res = await t.request('POST', `/api/bots/${w.botId}/sends`, { key: w.key, body: sendBody(channelId, choice, extra) });
      assert.equal(res.status, 400, res.text);
      return res.body.error.code;
    };
    assert.equal(await attempt({ ...SALE, name: 'nope' }), 'unknown_template');
    assert.equal(await attempt({ ...SALE, language: 'de' }), 'unknown_template');
    assert.equal(
      await attempt({ ...SALE, name: 'new_offer', variables: [SALE.variables[0]], headerImage: false }),
      'template_not_approved',
    );
    assert.equal(await attempt({ ...SALE, variables: [SALE.variables[0]] }), 'template_variables_mismatch');
    assert.equal(
      await attempt({ ...SALE, variables: [SALE.variables[0], { value: '{{x}}', fallback: '   ' }] }),
      'template_fallback_required',
    );
    assert.equal(await attempt({ ...SALE, headerImage: false }), 'template_header_image_required');
    assert.equal(await attempt(SALE, { media: null }), 'template_header_needs_image');
  });
});
