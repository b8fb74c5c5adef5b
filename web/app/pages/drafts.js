// Drafts: broadcasts saved from the send form (text or screen, tags, exclusion tags, selected users,
// type and platforms). Actions: Edit (opens the send form with the draft; Send from there),
// Duplicate, Delete. Shown on its own page and as the Drafts tab of the history.
import { html } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useResource } from '../lib/data.js';
import { describeTiming, formatDateTime, plural } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useApp } from '../context.js';
import { platformName } from '../platforms.js';
import { Badge, Button, EmptyState, ErrorNotice, Loading, PageHeader, useFocusTitle } from '../ui/components.js';
import { useConfirmedAction } from '../ui/lists.js';
import { Icon } from '../ui/icons.js';

export function DraftsPage({ bot }) {
  useFocusTitle('drafts');
  return html`<div class="page">
    <${PageHeader}
      title="Drafts"
      description="Broadcasts saved with Save draft. Edit one to change it and send it; the draft stays for next time."
      actions=${html`<a class="btn btn-primary" href=${`/bots/${bot.id}/broadcast`}><${Icon} name="send" size=${16} /><span>Send broadcast</span></a>`}
    />
    <${DraftsList} bot=${bot} />
  </div>`;
}

function audienceText(audience) {
  if (!audience) return html`<span class="muted">Not chosen yet</span>`;
  const exclude = audience.exclude?.length
    ? html` <span class="muted">minus</span> ${audience.exclude.map((t) => html`<span class="tag-chip tag-chip-exclude">${t}</span> `)}`
    : '';
  if (audience.type === 'all') return html`All users${exclude}`;
  if (audience.type === 'tags')
    return html`<span class="chips inline">${(audience.include ?? []).map((t) => html`<span class="tag-chip">${t}</span>`)}</span
      >${exclude}`;
  if (audience.importId) return 'Selected users from a CSV file';
  return `${plural(audience.subscriberIds?.length ?? 0, 'selected user')}`;
}

export function DraftsList({ bot }) {
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const drafts = useResource(() => api.get(`/api/bots/${bot.id}/drafts`), [bot.id]);
  const channels = useResource(() => api.get(`/api/bots/${bot.id}/channels`), [bot.id]);
  const screens = useResource(() => api.get(`/api/bots/${bot.id}/screens`), [bot.id]);
  const platformOf = (id) => (channels.data ?? []).find((c) => c.id === id)?.platform;

  const duplicate = async (d) => {
    try {
      const copy = await api.post(`/api/drafts/${d.id}/duplicate`);
      toast(`Draft duplicated as “${copy.name || copy.id}”`);
      drafts.reload();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };
  const remove = (d) =>
    confirmed(
      {
        title: `Delete the draft “${d.name || d.id}”?`,
        message: 'Broadcasts already sent from it stay in the history.',
        confirmLabel: 'Delete draft',
      },
      async () => {
        await api.del(`/api/drafts/${d.id}`);
        toast('Draft deleted');
        drafts.reload();
      },
    );

  if (drafts.error) return html`<${ErrorNotice} error=${drafts.error} onRetry=${drafts.reload} />`;
  if (drafts.data === undefined) return html`<${Loading} />`;
  if (drafts.data.length === 0) {
    return html`<div class="card"><${EmptyState} icon="drafts" title="No drafts yet"
      action=${html`<a class="btn btn-primary" href=${`/bots/${bot.id}/broadcast`}>Write a broadcast</a>`}>
      <p>In Send broadcast, fill in what you know and click <strong>Save draft</strong>: the draft appears here, ready to edit, duplicate and send.</p>
    </${EmptyState}></div>`;
  }
  return html`<div class="card card-flush">
    <div class="table-wrap">
      <table class="table" aria-label="Drafts">
        <thead>
          <tr>
            <th scope="col">Draft</th>
            <th scope="col">Type</th>
            <th scope="col">Recipients</th>
            <th scope="col" class="hide-sm">When</th>
            <th scope="col" class="hide-sm">Updated</th>
            <th scope="col" class="actions-col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${drafts.data.map((d) => {
            const content = d.form?.content;
            const screen = content?.type === 'screen' ? (screens.data ?? []).find((s) => s.id === content.screenId) : null;
            return html`<tr key=${d.id} data-draft=${d.id}>
        <td class="draft-name">
          <a href=${`/bots/${bot.id}/broadcast?draft=${d.id}`} class="strong">${d.name || `Draft ${d.id}`}</a>
          ${content?.type === 'text' && content.text && html`<div class="clamp small">${content.text}</div>`}
          <div class="muted small">${
            (d.form?.channelIds ?? [])
              .map((id) => platformOf(id))
              .filter(Boolean)
              .map((p) => platformName(p))
              .join(', ') || 'No platform chosen'
          }</div>
        </td>
        <td>${content?.type === 'screen' ? html`<${Badge} tone="info">Screen</${Badge}>${screen ? html` <span class="small">${screen.name}</span>` : ''}` : content ? html`<${Badge}>Text</${Badge}>` : html`<span class="muted">—</span>`}</td>
        <td>${audienceText(d.form?.audience)}</td>
        <td class="hide-sm small draft-when">${describeTiming(d.form?.timing, bot.timeZone, { short: true })}</td>
        <td class="hide-sm small draft-updated">${formatDateTime(d.updatedAt, bot.timeZone)}</td>
        <td class="actions-col"><div class="row-actions">
          <${Button} size="sm" variant="ghost" icon="edit" onClick=${() => navigate(`/bots/${bot.id}/broadcast?draft=${d.id}`)} aria-label=${`Edit ${d.name || `draft ${d.id}`}`}>Edit</${Button}>
          <${Button} size="sm" variant="ghost" icon="copy" onClick=${() => duplicate(d)} aria-label=${`Duplicate ${d.name || `draft ${d.id}`}`}>Duplicate</${Button}>
          <${Button} size="sm" variant="danger-ghost" icon="trash" onClick=${() => remove(d)} aria-label=${`Delete ${d.name || `draft ${d.id}`}`}>Delete</${Button}>
        </div></td>
      </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </div>`;
}
