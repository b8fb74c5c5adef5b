// Trigger events: when a tag is assigned, send a message after a delay; their order decides which
// goes first when several fire for one subscriber. List, create, edit, delete, enable and disable,
// move up and down.
import { html, useState } from '../../lib/html.js';
import { api, query as toQuery } from '../../lib/api.js';
import { useForm } from '../../lib/form.js';
import { useResource } from '../../lib/data.js';
import { formatNumber, plural } from '../../lib/format.js';
import { useApp } from '../../context.js';
import { Button, Checkbox, EmptyState, FormErrors, IconButton, Input, Modal, Select } from '../../ui/components.js';
import { ResourceStatus, useConfirmedAction } from '../../ui/lists.js';
import { ContentFields, contentOf, contentSummary, contentValues } from './content.js';

const UNITS = [
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
  { value: 'months', label: 'months' },
];

export function TriggerEvents({ bot, screens }) {
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
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
  const remove = (trigger) =>
    confirmed(
      {
        title: `Delete the trigger “${triggerName(trigger)}”?`,
        message: 'Its pending messages are not sent; the sends it made stay in the history.',
        confirmLabel: 'Delete trigger',
      },
      async () => {
        await api.del(`/api/triggers/${trigger.id}`);
        toast('Trigger deleted');
        list.reload();
      },
    );

  const add = html`<${Button} variant="primary" icon="plus" onClick=${() => setEditing('new')}>New trigger event</${Button}>`;
  return html` <div class="section-bar">
      <p class="muted">
        When a tag is assigned to a subscriber, the trigger sends its message after the delay — once per subscriber, unless it fires again.
        Removing the tag before then cancels it. When several are due for one person at once, the order below decides.
      </p>
      ${list.data?.length > 0 && add}
    </div>
    <${ResourceStatus} resource=${list} />
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
