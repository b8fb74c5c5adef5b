// Events: external events (a secret webhook URL another system POSTs to; each call becomes a send
// of kind "external") and trigger events (when a tag is assigned, send a message after a delay;
// their order decides which goes first when several fire for one subscriber). List, create, edit,
// delete; copy the webhook URL; move triggers up and down.
import { html, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useResource } from '../lib/data.js';
import { formatDateTime, formatNumber, plural } from '../lib/format.js';
import { useApp } from '../context.js';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  CopyField,
  EmptyState,
  ErrorNotice,
  FormErrors,
  IconButton,
  Input,
  Loading,
  Modal,
  PageHeader,
  RadioGroup,
  Select,
  TabLinks,
  TextArea,
  useFocusTitle,
} from '../ui/components.js';

const UNITS = [
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
  { value: 'months', label: 'months' },
];
const CALL_EXAMPLE = '{"platform": "any", "users": ["123456"], "data": {"order": "A-1001"}}';

export function EventsPage({ bot, query }) {
  const tab = query.get('tab') === 'triggers' ? 'triggers' : 'external';
  const screens = useResource(() => api.get(`/api/bots/${bot.id}/screens`), [bot.id]);
  useFocusTitle('events');
  return html`<div class="page">
    <${PageHeader}
      title="Events"
      description="Messages sent when something happens: your other systems call an external event’s URL, or a tag is assigned to a subscriber."
    />
    <${TabLinks}
      label="Kinds of events"
      current=${tab}
      tabs=${[
        { key: 'external', label: 'External events', href: `/bots/${bot.id}/events` },
        { key: 'triggers', label: 'Trigger events', href: `/bots/${bot.id}/events?tab=triggers` },
      ]}
    />
    ${tab === 'external' ? html`<${ExternalEvents} bot=${bot} screens=${screens.data ?? []} />` : html`<${TriggerEvents} bot=${bot} screens=${screens.data ?? []} />`}
  </div>`;
}

function contentSummary(content, screens) {
  if (!content) return '—';
  if (content.type === 'screen') {
    const screen = screens.find((s) => s.id === content.screenId);
    return html`<${Badge} tone="info">Screen</${Badge}> ${screen ? screen.name : `#${content.screenId}`}`;
  }
  return html`<span class="clamp">${content.text}</span>`;
}

/** Type of the sent data (Text | Screen) with the text or the screen, for the event dialogs. */
function ContentFields({ form, screens, bot, hint = '{{variables}} are filled for each subscriber.' }) {
  const v = form.values;
  const errorAt = (prefix) => {
    const key = Object.keys(form.errors).find((k) => form.errors[k] && (k === prefix || k.startsWith(prefix + '.')));
    return form.error(key ?? prefix);
  };
  return html` <${RadioGroup}
      legend="Type of the sent data"
      name="eventContentType"
      value=${v.contentType}
      className="radio-inline"
      onChange=${(x) => form.set('contentType', x)}
      options=${[
        { value: 'text', label: 'Text' },
        { value: 'screen', label: 'Screen' },
      ]}
    />
    ${
      v.contentType === 'text'
        ? html`<${TextArea}
            label="Message text"
            rows="4"
            maxlength="10000"
            value=${v.text}
            error=${errorAt('content.text') || errorAt('content')}
            onInput=${(e) => form.set('text', e.currentTarget.value)}
            hint=${hint}
          />`
        : html`<${Select}
            label="Screen to send"
            value=${v.screenId}
            error=${errorAt('content.screenId')}
            onChange=${(e) => form.set('screenId', e.currentTarget.value)}
            options=${[{ value: '', label: screens.length ? 'Choose a screen' : 'No screens yet' }, ...screens.map((s) => ({ value: String(s.id), label: s.name }))]}
            hint=${html`<a href=${`/bots/${bot.id}/screens/new`}>Create a screen</a>`}
          />`
    }`;
}

function contentOf(v) {
  return v.contentType === 'screen' ? { type: 'screen', screenId: Number(v.screenId) || 0 } : { type: 'text', text: v.text };
}

function contentValues(content) {
  return content?.type === 'screen'
    ? { contentType: 'screen', text: '', screenId: String(content.screenId) }
    : { contentType: 'text', text: content?.text ?? '', screenId: '' };
}

// ---------- external events ----------

function ExternalEvents({ bot, screens }) {
  const { toast, confirm } = useApp();
  const list = useResource(() => api.get(`/api/bots/${bot.id}/external-events`), [bot.id]);
  const [editing, setEditing] = useState(null);

  const rotate = async (event) => {
    const ok = await confirm({
      title: `New URL for “${event.name}”?`,
      message: 'The current URL stops working at once: update the systems that call it.',
      confirmLabel: 'Make a new URL',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.post(`/api/external-events/${event.id}/rotate-secret`);
      toast('The event has a new URL');
      list.reload();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };
  const remove = async (event) => {
    const ok = await confirm({
      title: `Delete “${event.name}”?`,
      message: 'Its URL stops working; the sends it made stay in the history.',
      confirmLabel: 'Delete event',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.del(`/api/external-events/${event.id}`);
      toast(`“${event.name}” deleted`);
      list.reload();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };

  const add = html`<${Button} variant="primary" icon="plus" onClick=${() => setEditing('new')}>New external event</${Button}>`;
  return html` <div class="section-bar">
      <p class="muted">
        Another system (a shop, a CRM) POSTs JSON to the event’s secret URL — ${html`<code>${CALL_EXAMPLE}</code>`} — and the listed users
        get the message, with <code>data</code> filling its {{variables}}.
      </p>
      ${list.data?.length > 0 && add}
    </div>
    <${ErrorNotice} error=${list.error} onRetry=${list.reload} />
    ${list.data === undefined && !list.error && html`<${Loading} />`}
    ${
      list.data?.length === 0 &&
      html`<div class="card"><${EmptyState} icon="events" title="No external events yet" action=${add}>
      <p>Create one — “Order shipped”, say — and give its URL to the system that knows when it happens.</p>
    </${EmptyState}></div>`
    }
    ${
      list.data?.length > 0 &&
      html`<div class="event-list">
        ${list.data.map(
          (e) => html`<${Card} key=${e.id} className="event-card" title=${e.name}
      actions=${html`
        <${Button} size="sm" variant="ghost" icon="edit" onClick=${() => setEditing(e)} aria-label=${`Edit ${e.name}`}>Edit</${Button}>
        <${Button} size="sm" variant="ghost" icon="refresh" onClick=${() => rotate(e)} aria-label=${`New URL for ${e.name}`}>New URL</${Button}>
        <${Button} size="sm" variant="danger-ghost" icon="trash" onClick=${() => remove(e)} aria-label=${`Delete ${e.name}`}>Delete</${Button}>`}>
      <div class="event-body" data-event-id=${e.id}>
        <div class="event-content">${contentSummary(e.content, screens)}</div>
        ${
          e.url
            ? html`<${CopyField}
                label="Webhook URL"
                value=${e.url}
                hint="Secret: whoever has it can message your subscribers. Make a new one if it leaks."
              />`
            : html`<p class="field-error">The URL was sealed with another key: make a new URL.</p>`
        }
        <p class="muted small">
          ${`${e.endOpenChats ? 'Ends open operator chats' : 'Waits for open operator chats to close'} · ${plural(e.calls, 'call')}${e.lastCalledAt ? `, the last ${formatDateTime(e.lastCalledAt, bot.timeZone)}` : ''} · `}
          <a href=${`/bots/${bot.id}/history${toQuery({ section: 'completed', kinds: 'external' })}`}>Its sends in History</a>
        </p>
      </div>
    </${Card}>`,
        )}
      </div>`
    }
    ${
      editing &&
      html`<${ExternalEventDialog}
        bot=${bot}
        screens=${screens}
        event=${editing === 'new' ? null : editing}
        onClose=${() => setEditing(null)}
        onSaved=${() => {
          setEditing(null);
          list.reload();
        }}
      />`
    }`;
}

function ExternalEventDialog({ bot, screens, event, onClose, onSaved }) {
  const { toast } = useApp();
  const form = useForm({ name: event?.name ?? '', endOpenChats: event?.endOpenChats ?? false, ...contentValues(event?.content) });
  const save = (e) => {
    e.preventDefault();
    const v = form.values;
    form.submit(async () => {
      const body = { name: v.name.trim(), content: contentOf(v), endOpenChats: v.endOpenChats };
      const saved = event
        ? await api.patch(`/api/external-events/${event.id}`, body)
        : await api.post(`/api/bots/${bot.id}/external-events`, body);
      toast(event ? `“${saved.name}” saved` : `“${saved.name}” created — copy its URL`);
      onSaved(saved);
    });
  };
  return html`<${Modal} title=${event ? `Edit “${event.name}”` : 'New external event'} onClose=${onClose}>
    <form class="form" onSubmit=${save} novalidate aria-label="External event">
      <${FormErrors} form=${form} />
      <${Input} label="Name" maxlength="200" required autocomplete="off" ...${form.bind('name')} hint="How you find it in the list and in the history, e.g. Order shipped." />
      <${ContentFields} form=${form} screens=${screens} bot=${bot} hint="{{variables}} are filled for each subscriber, and from the call’s data: {{order}} takes data.order." />
      <${Checkbox} label="End open chats" ...${form.bind('endOpenChats', { type: 'checkbox' })}
        hint="On: a recipient’s open chat with an operator is closed and they get the message. Off: they get it when the chat closes." />
      <div class="form-actions">
        <${Button} onClick=${onClose}>Cancel</${Button}>
        <${Button} type="submit" variant="primary" busy=${form.busy}>${event ? 'Save' : 'Create event'}</${Button}>
      </div>
    </form>
  </${Modal}>`;
}

// ---------- trigger events ----------

function TriggerEvents({ bot, screens }) {
  const { toast, confirm } = useApp();
  const list = useResource(() => api.get(`/api/bots/${bot.id}/triggers`), [bot.id]);
  const tags = useResource(() => api.get(`/api/bots/${bot.id}/tags`), [bot.id]);
  const [editing, setEditing] = useState(null);

  const move = async (index, delta) => {
    const ids = list.data.map((t) => t.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id);
    try {
      list.setData(await api.put(`/api/bots/${bot.id}/triggers/order`, { ids }));
      requestAnimationFrame(() => document.querySelector(`[data-trigger="${id}"] button[aria-label^="Move"]:not(:disabled)`)?.focus());
    } catch (error) {
      toast(error.message, 'bad');
      list.reload();
    }
  };
  const toggle = async (trigger) => {
    try {
      const next = await api.post(`/api/triggers/${trigger.id}/${trigger.enabled ? 'disable' : 'enable'}`);
      list.setData((l) => l.map((t) => (t.id === next.id ? { ...t, ...next } : t)));
    } catch (error) {
      toast(error.message, 'bad');
    }
  };
  const remove = async (trigger) => {
    const ok = await confirm({
      title: `Delete the trigger “${triggerName(trigger)}”?`,
      message: 'Its pending messages are not sent; the sends it made stay in the history.',
      confirmLabel: 'Delete trigger',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.del(`/api/triggers/${trigger.id}`);
      toast('Trigger deleted');
      list.reload();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };

  const add = html`<${Button} variant="primary" icon="plus" onClick=${() => setEditing('new')}>New trigger event</${Button}>`;
  return html` <div class="section-bar">
      <p class="muted">
        When a tag is assigned to a subscriber, the trigger sends its message after the delay — once per subscriber, unless it fires again.
        Removing the tag before then cancels it. When several are due for one person at once, the order below decides.
      </p>
      ${list.data?.length > 0 && add}
    </div>
    <${ErrorNotice} error=${list.error} onRetry=${list.reload} />
    ${list.data === undefined && !list.error && html`<${Loading} />`}
    ${
      list.data?.length === 0 &&
      html`<div class="card"><${EmptyState} icon="tag" title="No trigger events yet" action=${add}>
      <p>For example: when “lead” is assigned, send a welcome screen after 1 day at 19:00.</p>
    </${EmptyState}></div>`
    }
    ${
      list.data?.length > 0 &&
      html`<div class="card card-flush">
        <div class="table-wrap">
          <table class="table" aria-label="Trigger events, in order">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Trigger</th>
                <th scope="col">Message</th>
                <th scope="col" class="hide-sm">Options</th>
                <th scope="col">Enabled</th>
                <th scope="col" class="actions-col">Actions</th>
              </tr>
            </thead>
            <tbody>
              ${list.data.map(
                (t, i) => html`<tr key=${t.id} data-trigger=${t.id}>
        <td class="nowrap"><div class="order-cell">
          <span class="order-number">${i + 1}</span>
          <${IconButton} icon="up" label=${`Move ${triggerName(t)} up`} disabled=${i === 0} onClick=${() => move(i, -1)} />
          <${IconButton} icon="down" label=${`Move ${triggerName(t)} down`} disabled=${i === list.data.length - 1} onClick=${() => move(i, 1)} />
        </div></td>
        <td>
          <div class="strong">${triggerName(t)}</div>
          <div class="small">When <span class="tag-chip">${t.tag?.name ?? 'deleted tag'}</span> is assigned, ${t.delayText}</div>
          ${t.pendingFirings > 0 && html`<div class="muted small">${plural(t.pendingFirings, 'message')} waiting</div>`}
        </td>
        <td class="trigger-content">${contentSummary(t.content, screens)}</td>
        <td class="hide-sm small">${[t.fireAgain ? 'Fires again' : 'Once per subscriber', t.endOpenChats ? 'Ends open chats' : null].filter(Boolean).join(' · ')}</td>
        <td><label class="switch"><input type="checkbox" role="switch" checked=${t.enabled} onChange=${() => toggle(t)} aria-label=${`${triggerName(t)} enabled`} /><span>${t.enabled ? 'On' : 'Off'}</span></label></td>
        <td class="actions-col"><div class="row-actions">
          <${Button} size="sm" variant="ghost" icon="edit" onClick=${() => setEditing(t)} aria-label=${`Edit ${triggerName(t)}`}>Edit</${Button}>
          <${Button} size="sm" variant="danger-ghost" icon="trash" onClick=${() => remove(t)} aria-label=${`Delete ${triggerName(t)}`}>Delete</${Button}>
        </div></td>
      </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <div class="table-foot">
          <span class="muted"
            >${plural(list.data.length, 'trigger')} · their sends are in
            <a href=${`/bots/${bot.id}/history${toQuery({ section: 'completed', kinds: 'trigger' })}`}>History</a></span
          >
        </div>
      </div>`
    }
    ${
      editing &&
      html`<${TriggerDialog}
        bot=${bot}
        screens=${screens}
        tags=${tags.data ?? []}
        trigger=${editing === 'new' ? null : editing}
        onClose=${() => setEditing(null)}
        onSaved=${() => {
          setEditing(null);
          list.reload();
        }}
      />`
    }`;
}

function triggerName(t) {
  return t.name || `When “${t.tag?.name ?? '?'}” is assigned`;
}

function TriggerDialog({ bot, screens, tags, trigger, onClose, onSaved }) {
  const { toast } = useApp();
  const form = useForm({
    name: trigger?.name ?? '',
    tag: trigger?.tag?.name ?? '',
    amount: String(trigger?.delay?.amount ?? 1),
    unit: trigger?.delay?.unit ?? 'days',
    timeOfDay: trigger?.delay?.timeOfDay ?? '',
    fireAgain: trigger?.fireAgain ?? false,
    endOpenChats: trigger?.endOpenChats ?? false,
    enabled: trigger?.enabled ?? true,
    ...contentValues(trigger?.content),
  });
  const v = form.values;
  const daily = ['days', 'weeks', 'months'].includes(v.unit);
  const delayError = (name) => {
    const key = Object.keys(form.errors).find((k) => form.errors[k] && (k === `delay.${name}` || (name === 'amount' && k === 'delay')));
    return key ? form.error(key) : form.error(`delay.${name}`);
  };
  const save = (e) => {
    e.preventDefault();
    if (!v.tag) {
      form.setErrors({ tag: 'Choose the tag that fires it' });
      return;
    }
    form.submit(async () => {
      const body = {
        name: v.name.trim(),
        tag: v.tag,
        content: contentOf(v),
        delay: { amount: Number(v.amount), unit: v.unit, ...(daily ? { timeOfDay: v.timeOfDay || null } : {}) },
        fireAgain: v.fireAgain,
        endOpenChats: v.endOpenChats,
        enabled: v.enabled,
      };
      const saved = trigger ? await api.patch(`/api/triggers/${trigger.id}`, body) : await api.post(`/api/bots/${bot.id}/triggers`, body);
      toast(trigger ? 'Trigger saved' : `Trigger created: ${saved.delayText} of “${saved.tag?.name}”`);
      onSaved(saved);
    });
  };
  return html`<${Modal} title=${trigger ? `Edit “${triggerName(trigger)}”` : 'New trigger event'} onClose=${onClose}>
    <form class="form" onSubmit=${save} novalidate aria-label="Trigger event">
      <${FormErrors} form=${form} />
      <${Input} label="Name (optional)" maxlength="200" autocomplete="off" ...${form.bind('name')} />
      <${Select} label="When this tag is assigned" ...${form.bind('tag')}
        options=${[{ value: '', label: tags.length ? 'Choose a tag' : 'No tags yet' }, ...tags.map((t) => ({ value: t.name, label: `${t.name} (${formatNumber(t.subscribers)})` }))]}
        hint=${html`Any tag of the bot, in use or not. <a href=${`/bots/${bot.id}/tags`}>Create a tag</a>`} />
      <fieldset class="fieldset">
        <legend>Send it after</legend>
        <div class="field-row">
          <${Input} label="Delay" type="number" min="0" ...${form.bind('amount')} error=${delayError('amount')} className="field-narrow" />
          <${Select} label="Unit" options=${UNITS} ...${form.bind('unit')} error=${delayError('unit')} className="field-narrow" />
          ${daily && html`<${Input} label="At (optional)" type="time" ...${form.bind('timeOfDay')} error=${delayError('timeOfDay')} className="field-narrow" />`}
        </div>
        <p class="hint">At least 1 minute; times in the bot’s time zone (${bot.timeZone}). “1 day at 19:00” sends at 19:00 the next day; “0 days at 19:00” today if 19:00 is still ahead, else tomorrow.</p>
      </fieldset>
      <${ContentFields} form=${form} screens=${screens} bot=${bot} />
      <${Checkbox} label="Fire again if the tag is assigned again" ...${form.bind('fireAgain', { type: 'checkbox' })} hint="Off: once per subscriber, ever." />
      <${Checkbox} label="End open chats" ...${form.bind('endOpenChats', { type: 'checkbox' })}
        hint="On: the subscriber’s open chat with an operator is closed and they get it. Off: they get it when the chat closes." />
      <${Checkbox} label="Enabled" ...${form.bind('enabled', { type: 'checkbox' })} />
      <div class="form-actions">
        <${Button} onClick=${onClose}>Cancel</${Button}>
        <${Button} type="submit" variant="primary" busy=${form.busy}>${trigger ? 'Save' : 'Create trigger'}</${Button}>
      </div>
    </form>
  </${Modal}>`;
}
