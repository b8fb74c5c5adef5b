// "Check connection" on a channel page (issue 16 point 4): after sending a test event from the
// platform's own settings (Meta's "Test" button, VK's "Confirm"), a person reads here whether it
// got through — the webhook's last request whose signature or verify token checked out — or why
// the last one was refused (GET /api/channels/{id}, lastWebhook).
import { html, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import { Button } from '../ui/components.js';

function verdict(last, name, timeZone) {
  const when = (at) => formatDateTime(at, timeZone);
  const signed = last.signedAt ? new Date(last.signedAt).getTime() : 0;
  const refused = last.refusedAt ? new Date(last.refusedAt).getTime() : 0;
  if (signed && signed >= refused) return ['alert-info', `Connected: the last request from ${name} checked out (${when(last.signedAt)}).`];
  if (refused)
    return [
      'alert-error',
      `The last request from ${name} was refused (${when(last.refusedAt)}): ${last.refusedReason}. Check what you pasted into ${name}’s settings, and the secret entered here.`,
    ];
  return ['alert-warn', `No request from ${name} yet. Send a test event from its settings, then check again.`];
}

export function WebhookCheck({ channel, name, timeZone }) {
  const [last, setLast] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setLast((await api.get(`/api/channels/${channel.id}`)).lastWebhook);
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  const shown = last ?? channel.lastWebhook;
  const [tone, text] = verdict(shown, name, timeZone);
  return html`<div class="webhook-check">
    <${Button} size="sm" icon="refresh" busy=${busy} onClick=${check}>Check connection</${Button}>
    <div class=${`alert ${error ? 'alert-error' : tone}`} role="status"><p>${error ?? text}</p></div>
  </div>`;
}
