// Resend to a subset, on a finished run's page: the "Resend to…" dialog (GET /api/sends/{id}/resend
// for the recipients per outcome, POST the same path to make the resend) and the links between a
// resend and the send it came from ("Resent from #N", "Resends: #M"). `unknown` is offered with its
// warning and an acknowledgement: some of those recipients did receive the message.
import { html, useState } from '../../lib/html.js';
import { api, query as toQuery } from '../../lib/api.js';
import { useResource } from '../../lib/data.js';
import { formatNumber, plural } from '../../lib/format.js';
import { navigate } from '../../lib/router.js';
import { useApp } from '../../context.js';
import { Button, Checkbox, ErrorNotice, Loading, Modal, TextArea } from '../../ui/components.js';

const OUTCOMES = [
  { key: 'failed', label: 'Failed', hint: 'The platform refused it (an error of the platform or of the recipient).' },
  { key: 'hold_expired', label: 'Hold expired', hint: 'Held for an open operator chat until the hold expired.' },
  { key: 'outside_window', label: 'Outside the messaging window', hint: 'Left out: they had not written within the platform’s window.' },
  {
    key: 'unknown',
    label: 'Unknown',
    hint: 'The platform took the request but its answer never came: some of them did receive the message.',
  },
];

/** Whether a run can be resent from: it has finished. */
export const resendable = (run) => run?.state === 'completed' || run?.state === 'stopped';

/** "Resent from #N" and "Resends: #M" as rows of the send's facts. */
export function ResendLinks({ bot, send, from }) {
  const base = `/bots/${bot.id}/${from === 'logs' ? 'logs' : 'history'}`;
  return html`${
    send.parentSendId &&
    html`<div class="resent-from">
      <dt>Resent from</dt>
      <dd>
        <a href=${`${base}/${send.parentSendId}${toQuery({ run: send.parentRunId ?? '' })}`}>#${send.parentSendId}</a>
        <span class="muted"> — to its ${(send.resendOutcomes ?? []).map((o) => o.replace(/_/g, ' ')).join(', ')} recipients</span>
      </dd>
    </div>`
  }
  ${
    send.resends?.length > 0 &&
    html`<div class="resends">
      <dt>Resends</dt>
      <dd>${send.resends.map((r, i) => html`${i > 0 ? ', ' : ''}<a href=${`${base}/${r.id}`}>#${r.id}</a>`)}</dd>
    </div>`
  }`;
}

export function ResendDialog({ bot, send, runId, from, onClose }) {
  const { toast } = useApp();
  const options = useResource(() => api.get(`/api/sends/${send.id}/resend${toQuery({ runId })}`), [send.id, runId]);
  const [chosen, setChosen] = useState(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [text, setText] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const counts = options.data?.counts;
  const content = options.data?.content;
  // Failed (and expired holds) are chosen at first when there are any; unknown never is.
  const picked = chosen ?? (counts ? ['failed', 'hold_expired'].filter((o) => counts[o] > 0) : []);
  const total = counts ? picked.reduce((sum, o) => sum + counts[o], 0) : 0;
  const editable = content?.type === 'text';
  const shownText = text ?? content?.text ?? '';
  const toggle = (key, on) => setChosen(on ? [...picked, key] : picked.filter((o) => o !== key));
  const needsAck = picked.includes('unknown') && !acknowledged;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const edited = editable && text !== null && text !== content.text;
      const body = {
        runId,
        outcomes: picked,
        ...(picked.includes('unknown') ? { acknowledgeUnknown: true } : {}),
        ...(edited
          ? {
              content: {
                type: 'text',
                text,
                media: content.media ?? null,
                ...(content.buttons?.length ? { buttons: content.buttons } : {}),
              },
            }
          : {}),
      };
      const created = await api.post(`/api/sends/${send.id}/resend`, body);
      toast(`Resend #${created.id} created for ${plural(total, 'recipient')}`);
      onClose();
      navigate(`/bots/${bot.id}/${from === 'logs' ? 'logs' : 'history'}/${created.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return html`<${Modal}
    title=${`Resend send #${send.id} to…`}
    onClose=${onClose}
    footer=${html`<${Button} onClick=${onClose}>Cancel</${Button}>
      <${Button} variant="primary" icon="refresh" busy=${busy} disabled=${!counts || total === 0 || needsAck} onClick=${submit}
        >${`Resend to ${plural(total, 'recipient')}`}</${Button}>`}
  >
    <${ErrorNotice} error=${options.error} onRetry=${options.reload} />
    ${!options.data && !options.error && html`<${Loading} />`}
    ${
      counts &&
      html`<form class="resend-form" aria-label="Resend" onSubmit=${(e) => e.preventDefault()}>
        <fieldset>
          <legend>Who gets it again: the recipients of this run whose outcome was</legend>
          ${OUTCOMES.map(
            (o) =>
              html`<div data-outcome=${o.key}>
                <${Checkbox}
                  label=${`${o.label} (${formatNumber(counts[o.key])})`}
                  hint=${o.hint}
                  checked=${picked.includes(o.key)}
                  disabled=${counts[o.key] === 0}
                  onChange=${(e) => toggle(o.key, e.currentTarget.checked)}
                />
              </div>`,
          )}
        </fieldset>
        ${
          picked.includes('unknown') &&
          html`<div class="alert alert-warn" role="alert">
            <p>
              Some of the ${plural(counts.unknown, 'recipient')} with an unknown outcome did receive the message: the platform took it, but
              its answer never came. They will get it twice.
            </p>
            <${Checkbox}
              label="I understand: some of them will get it twice"
              checked=${acknowledged}
              onChange=${(e) => setAcknowledged(e.currentTarget.checked)}
            />
          </div>`
        }
        ${
          editable
            ? html`<${TextArea}
                label="Message text"
                rows="5"
                value=${shownText}
                onInput=${(e) => setText(e.currentTarget.value)}
                hint="As this run sent it; edit it for the resend if you like."
              />`
            : html`<p class="hint">It sends the screen “${content?.screenName ?? ''}” as this run sent it.</p>`
        }
        <p class="hint">
          A new broadcast to exactly these recipients, linked to this send. It starts after the grace window (you can still delete it until
          then); subscribers who blocked the bot or opted out since are left out.
        </p>
        <${ErrorNotice} error=${error} />
      </form>`
    }
  </${Modal}>`;
}
