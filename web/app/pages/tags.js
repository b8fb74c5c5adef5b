// Tags: the bot's labels with how many subscribers have each ("in use" when at least one);
// create, rename, delete.
import { html, useState } from '../lib/html.js';
import { api, query } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useResource } from '../lib/data.js';
import { formatDateTime, formatNumber, plural } from '../lib/format.js';
import { useApp } from '../context.js';
import { Badge, Button, EmptyState, FormErrors, Input, PageHeader, useFocusTitle } from '../ui/components.js';
import { ResourceStatus, useConfirmedAction } from '../ui/lists.js';

export function TagsPage({ bot }) {
  const tags = useResource(() => api.get(`/api/bots/${bot.id}/tags`), [bot.id]);
  const { toast } = useApp();
  const form = useForm({ name: '' }, { defaultField: 'name' });
  useFocusTitle('tags');

  const create = (e) => {
    e.preventDefault();
    form.submit(async ({ name }) => {
      const tag = await api.post(`/api/bots/${bot.id}/tags`, { name });
      form.reset();
      toast(`Tag “${tag.name}” created`);
      tags.reload();
    });
  };

  return html`<div class="page">
    <${PageHeader} title="Tags"
      description="Labels on subscribers. A tag is in use while at least one subscriber has it; only tags in use can target a broadcast." />
    <section class="card">
      <form class="toolbar-form" onSubmit=${create} novalidate aria-label="Create a tag">
        <${FormErrors} form=${form} />
        <${Input} label="New tag" placeholder="e.g. customer" maxlength="64" autocomplete="off" ...${form.bind('name')} />
        <${Button} type="submit" variant="primary" icon="plus" busy=${form.busy}>Create tag</${Button}>
      </form>
    </section>
    <${ResourceStatus} resource=${tags} />
    ${
      tags.data?.length === 0 &&
      html`<div class="card"><${EmptyState} icon="tag" title="No tags yet">
      <p>Create one above, or tag people in a subscriber’s details on the <a href=${`/bots/${bot.id}/subscribers`}>Subscribers</a> page. The bot itself can tag people through the API.</p>
    </${EmptyState}></div>`
    }
    ${
      tags.data?.length > 0 &&
      html`<div class="card card-flush">
        <div class="table-wrap">
          <table class="table" aria-label="Tags">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col" class="num">Subscribers</th>
                <th scope="col">Status</th>
                <th scope="col" class="hide-sm">Created</th>
                <th scope="col" class="actions-col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              ${tags.data.map((tag) => html`<${TagRow} key=${tag.id} tag=${tag} bot=${bot} onChanged=${tags.reload} />`)}
            </tbody>
          </table>
        </div>
      </div>`
    }
  </div>`;
}

function TagRow({ tag, bot, onChanged }) {
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const [editing, setEditing] = useState(false);
  const form = useForm({ name: tag.name }, { defaultField: 'name' });

  const rename = (e) => {
    e.preventDefault();
    form.submit(async ({ name }) => {
      await api.patch(`/api/tags/${tag.id}`, { name });
      setEditing(false);
      toast(`Tag renamed to “${name.trim()}”`);
      onChanged();
    });
  };
  const remove = () =>
    confirmed(
      {
        title: `Delete the tag “${tag.name}”?`,
        message: tag.subscribers > 0 ? `It is removed from ${plural(tag.subscribers, 'subscriber')}.` : 'No subscriber has it.',
        confirmLabel: 'Delete tag',
      },
      async () => {
        await api.del(`/api/tags/${tag.id}`);
        toast(`Tag “${tag.name}” deleted`);
        onChanged();
      },
    );

  return html`<tr data-tag=${tag.name}>
    <td>
      ${
        editing
          ? html`<form class="inline-form" onSubmit=${rename} novalidate>
            <${FormErrors} form=${form} />
            <${Input} label=${`New name for ${tag.name}`} labelHidden maxlength="64" autofocus ...${form.bind('name')} />
            <div class="inline-actions">
              <${Button} type="submit" size="sm" variant="primary" busy=${form.busy}>Save</${Button}>
              <${Button} size="sm" variant="ghost" onClick=${() => {
                setEditing(false);
                form.reset();
              }}>Cancel</${Button}>
            </div>
          </form>`
          : html`<span class="tag-chip">${tag.name}</span>`
      }
    </td>
    <td class="num">
      ${
        tag.subscribers > 0
          ? html`<a
              href=${`/bots/${bot.id}/subscribers${query({ tag: tag.name })}`}
              aria-label=${`${plural(tag.subscribers, 'subscriber')} tagged ${tag.name}`}
              >${formatNumber(tag.subscribers)}</a
            >`
          : '0'
      }
    </td>
    <td>${tag.inUse ? html`<${Badge} tone="good">In use</${Badge}>` : html`<${Badge}>Not in use</${Badge}>`}</td>
    <td class="hide-sm">${formatDateTime(tag.createdAt, bot.timeZone)}</td>
    <td class="actions-col">
      ${
        !editing &&
        html`<div class="row-actions">
        <${Button} size="sm" variant="ghost" onClick=${() => setEditing(true)} aria-label=${`Rename ${tag.name}`}>Rename</${Button}>
        <${Button} size="sm" variant="danger-ghost" onClick=${remove} aria-label=${`Delete ${tag.name}`}>Delete</${Button}>
      </div>`
      }
    </td>
  </tr>`;
}
