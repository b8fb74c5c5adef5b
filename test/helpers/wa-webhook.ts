// A WhatsApp text message as Meta posts it to a channel's webhook, signed with the app secret.
import { createHmac } from 'node:crypto';

export function signedWaMessage(opts: { phoneId: string; from: string; seconds: number; messageId: string; appSecret: string }) {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { phone_number_id: opts.phoneId },
              contacts: [{ wa_id: opts.from, profile: { name: `P ${opts.from}` } }],
              messages: [{ from: opts.from, id: opts.messageId, timestamp: String(opts.seconds), type: 'text', text: { body: 'hi' } }],
            },
          },
        ],
      },
    ],
  });
  const signature = createHmac('sha256', opts.appSecret).update(raw).digest('hex');
  return { raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` } };
}
