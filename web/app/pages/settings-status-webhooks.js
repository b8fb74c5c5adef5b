// Settings → Status webhooks (admins): the workspace's HTTPS endpoints that receive run events and
// per-recipient outcomes in signed batches. Add one (its signing secret is shown once), send a test
// event, see each endpoint's delivery log, turn a failing one back on, rotate the secret, remove it.
import { html, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useResource } from '../lib/data.js';
import { browserTimeZone, formatDateTime } from '../lib/format.js';
import { useApp } from '../context.js';
import { Badge, Button, Checkbox, CopyField, FormErrors, Input } from '../ui/components.js';
import { DataTable, ResourceStatus, useConfirmedAction } from '../ui/lists.js';

const EVENT_TYPES = [
  { value: 'run.started', label: 'Run started' },
  { value: 'run.paused', label: 'Run paused' },
  { value: 'run.resumed', label: 'Run resumed' },
  { value: 'run.completed', label: 'Run completed' },
  { value: 'run.stopped', label: 'Run stopped' },
  { value: 'delivery.outcome', label: 'Each recipient’s outcome' },
];
const TONES = { active: 'good', retrying: 'warn', failing: 'bad', disabled: 'neutral' };
const STATUS_WORDS = { active: 'active', retrying: 'retrying', failing: 'failing (retries ran out)', disabled: 'off' };
const when = (value) => formatDateTime(value, browserTimeZone());

export function StatusWebhooksSection() {
  const hooks = useResource(() => api.get('/api/status-webhooks'), []);
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const [secret, setSecret] = useState(null);
  const [openLog, setOpenLog] = useState(null);
  const [events, setEvents] = useState(EVENT_TYPES.map((e) => e.value));
  const form = useForm({ url: '', description: '' }, { defaultField: 'url' });
  const add = (e) => {
    e.preventDefault();
    form.submit(async (values) => {
      const made = await api.post('/api/status-webhooks', { ...values, events });
      setSecret({ url: made.url, value: made.secret });
      form.reset();
      hooks.reload();
    });
  };
  const test = async (hook) => {
    const r = await api.post(`/api/status-webhooks/${hook.id}/test`, {});
    if (r.ok) toast(`Test event delivered: HTTP ${r.statusCode} in ${r.durationMs} ms`);
    else toast(`Test event not delivered: ${r.error}`, 'bad');
    setOpenLog(hook.id);
  };
  const setEnabled = async (hook, enabled) => {
    await api.patch(`/api/status-webhooks/${hook.id}`, { enabled });
    toast(enabled ? `${hook.url} turned on` : `${hook.url} turned off`);
    hooks.reload();
  };
  const rotate = (hook) =>
    confirmed(
      { title: 'Replace the signing secret?', message: 'The old secret stops signing at once.', confirmLabel: 'Replace secret' },
      async () => {
        const r = await api.post(`/api/status-webhooks/${hook.id}/rotate-secret`, {});
        setSecret({ url: hook.url, value: r.secret });
      },
    );
  const remove = (hook) =>
    confirmed({ title: `Remove ${hook.url}?`, message: 'It gets no more events.', confirmLabel: 'Remove endpoint' }, async () => {
      await api.del(`/api/status-webhooks/${hook.id}`);
      toast('Endpoint removed');
      hooks.reload();
    });
  const toggle = (value, on) => setEvents((list) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value)));

  return html`<section class="card" aria-labelledby="status-webhooks-title">
    <h2 id="status-webhooks-title">Status webhooks</h2>
    <p class="hint">
      Botcast POSTs run events and each recipient’s outcome to these HTTPS addresses, in batches of up to 100, signed with the
      endpoint’s secret (<code>Botcast-Signature: t=…,v1=…</code>, HMAC-SHA256 of <code>t.body</code>). A failed POST is retried with
      growing delays; sending never waits for it.
    </p>
    <form onSubmit=${add} novalidate aria-label="Add a status webhook">
      <${FormErrors} form=${form} />
      <div class="toolbar-form">
        <${Input} label="Endpoint URL" type="url" placeholder="https://example.com/botcast" maxlength="2000" autocomplete="off" ...${form.bind('url')} />
        <${Input} label="Description" placeholder="e.g. CRM" maxlength="500" autocomplete="off" ...${form.bind('description')} />
        <${Button} type="submit" variant="primary" icon="plus" busy=${form.busy} disabled=${events.length === 0}>Add endpoint</${Button}>
      </div>
      <fieldset class="fieldset" style="flex-direction: row; flex-wrap: wrap; gap: 4px 20px; margin-top: 8px">
        <legend>Events</legend>
        ${EVENT_TYPES.map(
          (e) =>
            html`<${Checkbox}
              key=${e.value}
              label=${e.label}
              checked=${events.includes(e.value)}
              onChange=${(ev) => toggle(e.value, ev.currentTarget.checked)}
            />`,
        )}
      </fieldset>
    </form>
    ${secret && html`<${CopyField} label=${`Signing secret of ${secret.url}`} value=${secret.value} hint="Shown this once: copy it now." />`}
    <${ResourceStatus} resource=${hooks} />
    ${
      hooks.data &&
      html`<${DataTable} label="Status webhooks" columns=${['Endpoint', 'Status', { label: 'Events', className: 'hide-sm' }, { label: 'Last delivered', className: 'hide-sm' }, { label: 'Actions', className: 'actions-col', hidden: true }]}>
            ${hooks.data.map(
              (h) => html`<tr key=${h.id} data-status-webhook=${h.url}>
                  <td><code>${h.url}</code>${h.description && html` <span class="muted">${h.description}</span>`}</td>
                  <td>
                    <${Badge} tone=${TONES[h.status]} title=${h.nextAttemptAt ? `next try ${when(h.nextAttemptAt)}` : undefined}>
                      ${STATUS_WORDS[h.status]}
                    </${Badge}>
                  </td>
                  <td class="hide-sm" title=${h.events.join(', ')}>${h.events.length === EVENT_TYPES.length ? 'all' : `${h.events.length} of ${EVENT_TYPES.length}`}</td>
                  <td class="hide-sm">${h.lastSuccessAt ? when(h.lastSuccessAt) : 'never'}</td>
                  <td class="actions-col">
                    <div class="row-actions" style="flex-wrap: wrap; justify-content: flex-end">
                      <${Button} size="sm" variant="ghost" onClick=${() => test(h)} aria-label=${`Send a test event to ${h.url}`}>Send test event</${Button}>
                      <${Button} size="sm" variant="ghost" aria-expanded=${openLog === h.id ? 'true' : 'false'} onClick=${() => setOpenLog(openLog === h.id ? null : h.id)}>
                        Delivery log
                      </${Button}>
                      ${
                        h.status === 'failing' || h.status === 'disabled'
                          ? html`<${Button} size="sm" variant="ghost" onClick=${() => setEnabled(h, true)}>Turn on</${Button}>`
                          : html`<${Button} size="sm" variant="ghost" onClick=${() => setEnabled(h, false)}>Turn off</${Button}>`
                      }
                      <${Button} size="sm" variant="ghost" onClick=${() => rotate(h)}>New secret</${Button}>
                      <${Button} size="sm" variant="danger-ghost" onClick=${() => remove(h)} aria-label=${`Remove ${h.url}`}>Remove</${Button}>
                    </div>
                  </td>
                </tr>`,
            )}
          </${DataTable}>`
    }
    ${openLog && html`<${DeliveryLog} key=${openLog} id=${openLog} url=${hooks.data?.find((h) => h.id === openLog)?.url ?? ''} />`}
  </section>`;
}

function DeliveryLog({ id, url }) {
  const log = useResource(() => api.get(`/api/status-webhooks/${id}/attempts?limit=50`), [id]);
  return html`<div class="status-webhook-log">
    <h3>Delivery log of <code>${url}</code> <${Button} size="sm" variant="ghost" onClick=${() => log.reload()}>Refresh</${Button}></h3>
    <${ResourceStatus} resource=${log} />
    ${
      log.data &&
      (log.data.length === 0
        ? html`<p class="muted">Nothing sent yet.</p>`
        : html`<${DataTable} label="Delivery log" columns=${['When', 'What', 'Answer', 'Time', 'Error']}>
                ${log.data.map(
                  (a) => html`<tr key=${a.id}>
                    <td>${when(a.at)}</td>
                    <td>${a.test ? 'test event' : `${a.events} event(s)${a.attempt > 1 ? `, try ${a.attempt}` : ''}`}</td>
                    <td><${Badge} tone=${a.ok ? 'good' : 'bad'}>${a.statusCode ?? 'no answer'}</${Badge}></td>
                    <td>${a.durationMs} ms</td>
                    <td>${a.error ?? ''}</td>
                  </tr>`,
                )}
              </${DataTable}>`)
    }
  </div>`;
}
