// Events: external events (a secret webhook URL another system POSTs to; each call becomes a send
// of kind "external") and trigger events (when a tag is assigned, send a message after a delay;
// their order decides which goes first when several fire for one subscriber). List, create, edit,
// delete; copy the webhook URL; move triggers up and down.
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useResource } from '../lib/data.js';
import { PageHeader, TabLinks, useFocusTitle } from '../ui/components.js';
import { ExternalEvents } from './events/external-events.js';
import { TriggerEvents } from './events/trigger-events.js';

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
