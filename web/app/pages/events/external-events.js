// External events: a secret URL another system POSTs to; each call becomes a send of kind
// "external". List, create, edit, delete, and make a new URL.
import { html, useState } from '../../lib/html.js';
import { api, query as toQuery } from '../../lib/api.js';
import { useForm } from '../../lib/form.js';
import { useResource } from '../../lib/data.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { useApp } from '../../context.js';
import { Button, Card, Checkbox, CopyField, EmptyState, FormErrors, Input, Modal } from '../../ui/components.js';
import { ResourceStatus, useConfirmedAction } from '../../ui/lists.js';
import { ContentFields, contentOf, contentSummary, contentValues } from './content.js';

const CALL_EXAMPLE = '{"platform": "any", "users": ["123456"], "data": {"order": "A-1001"}}';

export function ExternalEvents({ bot, screens }) {
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const list = useResource(() => api.get(`/api/bots/${bot.id}/external-events`), [bot.id]);
  const [editing, setEditing] = useState(null);

  const rotate = (event) =>
    confirmed(
      {
        title: `New URL for “${event.name}”?`,
        message: 'The current URL stops working at once: update the systems that call it.',
        confirmLabel: 'Make a new URL',
      },
      async () => {
        await api.post(`/api/external-events/${event.id}/rotate-secret`);
        toast('The event has a new URL');
        list.reload();
      },
    );
  const remove = (event) =>
    confirmed(
      {
        title: `Delete “${event.name}”?`,
        message: 'Its URL stops working; the sends it made stay in the history.',
        confirmLabel: 'Delete event',
      },
      async () => {
        await api.del(`/api/external-events/${event.id}`);
        toast(`“${event.name}” deleted`);
        list.reload();
      },
    );

  const add = html`<${Button} variant="primary" icon="plus" onClick=${() => setEditing('new')}>New external event</${Button}>`;
  return html` <div class="section-bar">
      <p class="muted">
        Another system (a shop, a CRM) POSTs JSON to the event’s secret URL — ${html`<code>${CALL_EXAMPLE}</code>`} — and the listed users
        get the message, with <code>data</code> filling its {{variables}}.
      </p>
      ${list.data?.length > 0 && add}
    </div>
    <${ResourceStatus} resource=${list} />
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
