// Telegram paid broadcasts on the channel page: a switch that sends every message of the channel with
// `allow_paid_broadcast` — up to 1000 messages a second instead of about 30, for 0.1 Telegram Star
// per message from the bot's balance (PATCH /api/channels/{id} { allowPaidBroadcast }).
import { html, useEffect, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useApp } from '../context.js';
import { Checkbox } from '../ui/components.js';

export function PaidBroadcast({ channel, onChanged }) {
  const { toast } = useApp();
  const [busy, setBusy] = useState(false);
  // Shown as clicked at once (the channel is read again after the change), back if the change fails.
  const [checked, setChecked] = useState(channel.allowPaidBroadcast);
  useEffect(() => setChecked(channel.allowPaidBroadcast), [channel.allowPaidBroadcast]);
  const change = async (e) => {
    const on = e.currentTarget.checked;
    setChecked(on);
    setBusy(true);
    try {
      await api.patch(`/api/channels/${channel.id}`, { allowPaidBroadcast: on });
      toast(on ? 'Paid broadcasts on: up to 1,000 messages a second' : 'Paid broadcasts off');
      onChanged();
    } catch (error) {
      setChecked(!on);
      toast(error.message, 'bad');
    } finally {
      setBusy(false);
    }
  };
  return html`<${Checkbox}
    label="Paid broadcasts"
    checked=${checked}
    disabled=${busy}
    onChange=${change}
    hint="Sends up to 1,000 messages a second instead of about 30. Telegram charges 0.1 Star per message from the bot’s balance; the audience preview shows the estimate. A send rate you set yourself still applies."
  />`;
}
