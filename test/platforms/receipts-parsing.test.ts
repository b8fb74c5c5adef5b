// Receipt webhooks → receipt events (issue 18 point 1), one shape per platform as documented:
// WhatsApp statuses (…/whatsapp/webhooks/reference/messages/status), Viber delivered/seen/failed
// (developers.viber.com/docs/api/rest-bot-api/#message-receipts-callbacks), Messenger
// message_deliveries / message_reads, Instagram messaging_seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWhatsApp } from '../../src/platforms/wa/inbound.ts';
import { parseViberText } from '../../src/platforms/viber/inbound.ts';
import { parseMessenger } from '../../src/platforms/fb/inbound.ts';
import { parseInstagram } from '../../src/platforms/instagram/inbound.ts';

const waBody = (statuses: unknown[]) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses } }] }],
});

test('WhatsApp delivered and read statuses carry the delivery key and the wamid; sent is ignored', () => {
  const events = parseWhatsApp(
    waBody([
      { id: 'wamid.A', status: 'sent', timestamp: '1750857384', recipient_id: '1', biz_opaque_callback_data: 'botcast-delivery:7' },
      { id: 'wamid.A', status: 'delivered', timestamp: '1750857385', recipient_id: '1', biz_opaque_callback_data: 'botcast-delivery:7' },
      { id: 'wamid.A', status: 'read', timestamp: '1750857386', recipient_id: '1', biz_opaque_callback_data: 'botcast-delivery:7' },
      { id: 'wamid.B', status: 'read', timestamp: '1750857386', recipient_id: '1' },
    ]),
  );
  assert.deepEqual(events, [
    { type: 'receipt', status: 'delivered', platformMessageId: 'wamid.A', deliveryKey: '7', at: 1750857385000 },
    { type: 'receipt', status: 'read', platformMessageId: 'wamid.A', deliveryKey: '7', at: 1750857386000 },
  ]);
});

test('Viber delivered / seen / failed keep the 64-bit message_token exact', () => {
  const at = 1457764197627;
  const cb = (event: string, extra = '') =>
    `{"event":"${event}","timestamp":${at},"message_token":4912661846655238145,"user_id":"01234567890A="${extra}}`;
  assert.deepEqual(parseViberText(cb('delivered')), [
    { type: 'receipt', status: 'delivered', userId: '01234567890A=', platformMessageId: '4912661846655238145', at },
  ]);
  assert.deepEqual(parseViberText(cb('seen')), [
    { type: 'receipt', status: 'read', userId: '01234567890A=', platformMessageId: '4912661846655238145', at },
  ]);
  assert.deepEqual(parseViberText(cb('failed', ',"desc":"failure description"')), [
    {
      type: 'send_failed',
      userId: '01234567890A=',
      platformMessageId: '4912661846655238145',
      outcome: 'permanent',
      code: 'failed',
      text: 'failure description',
      at,
    },
  ]);
});

test('Messenger deliveries (mids and watermark) and reads (watermark)', () => {
  const events = parseMessenger({
    object: 'page',
    entry: [
      {
        id: 'PAGE',
        time: 1458668856463,
        messaging: [
          { sender: { id: '111' }, recipient: { id: 'PAGE' }, delivery: { mids: ['mid.1'], watermark: 1458668856253 } },
          { sender: { id: '111' }, recipient: { id: 'PAGE' }, timestamp: 1458668856463, read: { watermark: 1458668856253 } },
        ],
      },
    ],
  });
  assert.deepEqual(events, [
    { type: 'receipt', status: 'delivered', userId: '111', platformMessageId: 'mid.1' },
    { type: 'receipt', status: 'delivered', userId: '111', watermark: 1458668856253 },
    { type: 'receipt', status: 'read', userId: '111', watermark: 1458668856253, at: 1458668856463 },
  ]);
});

test('Instagram messaging_seen reads the named message and every earlier one', () => {
  const events = parseInstagram({
    object: 'instagram',
    entry: [
      {
        id: 'IG',
        time: 1,
        messaging: [{ sender: { id: '222' }, recipient: { id: 'IG' }, timestamp: 1569262485349, read: { mid: 'm_1' } }],
      },
    ],
  });
  assert.deepEqual(events, [{ type: 'receipt', status: 'read', userId: '222', platformMessageId: 'm_1', upTo: true, at: 1569262485349 }]);
});
