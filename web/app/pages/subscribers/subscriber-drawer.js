// One subscriber in a drawer: their facts, their tags (add, remove), the operator chat (open,
// close, earlier chats), broadcasts (opted out or not, and the switch) and the last external
// request that named them.
import { html, useState } from '../../lib/html.js';
import { api, query as toQuery } from '../../lib/api.js';
import { useForm } from '../../lib/form.js';
import { useResource } from '../../lib/data.js';
import { formatDateTime } from '../../lib/format.js';
import { useApp } from '../../context.js';
import { platformName } from '../../platforms.js';
import { Badge, Button, ErrorNotice, FormErrors, Input, Loading, Modal } from '../../ui/components.js';
import { Icon } from '../../ui/icons.js';

export function SubscriberDrawer({ id, bot, tags, onClose, onChanged }) {
  const { toast } = useApp();
  const subscriber = useResource(() => api.get(`/api/subscribers/${id}`), [id]);
  const chats = useResource(() => api.get(`/api/bots/${bot.id}/chats${toQuery({ subscriberId: id })}`), [bot.id, id]);
  const form = useForm({ tag: '' }, { defaultField: 'tag' });
  const [busy, setBusy] = useState(false);
  const sub = subscriber.data;
  const openChat = (chats.data ?? []).find((c) => !c.closedAt);

  const changed = (next) => {
    subscriber.setData(next);
    onChanged(next);
  };
  const addTag = (e) => {
    e.preventDefault();
    form.submit(async ({ tag }) => {
      const next = await api.post(`/api/subscribers/${id}/tags`, { tags: [tag.trim()] });
      form.reset();
      changed(next);
    });
  };
  const removeTag = async (tag) => {
    try {
      changed(await api.del(`/api/subscribers/${id}/tags`, { tags: [tag] }));
      toast(`Tag “${tag}” removed`);
    } catch (error) {
      toast(error.message, 'bad');
    }
  };
  const toggleChat = async () => {
    setBusy(true);
    try {
      if (sub.chatOpen) await api.post(`/api/subscribers/${id}/chat/close`, { reason: 'closed by operator' });
      else await api.post(`/api/subscribers/${id}/chat`);
      const next = await api.get(`/api/subscribers/${id}`);
      changed(next);
      chats.reload();
      toast(next.chatOpen ? 'Operator chat opened' : 'Operator chat closed');
    } catch (error) {
      toast(error.message, 'bad');
    } finally {
      setBusy(false);
    }
  };

  const toggleOptOut = async () => {
    setBusy(true);
    try {
      const next = await api.post(`/api/subscribers/${id}/${sub.optedOutAt ? 'opt-in' : 'opt-out'}`);
      changed(next);
      toast(next.optedOutAt ? 'Opted out of broadcasts' : 'Opted back in to broadcasts');
    } catch (error) {
      toast(error.message, 'bad');
    } finally {
      setBusy(false);
    }
  };

  const title = sub ? sub.name || sub.username || sub.platformUserId : 'Subscriber';
  return html`<${Modal} title=${title} variant="drawer" onClose=${onClose}>
    <${ErrorNotice} error=${subscriber.error} onRetry=${subscriber.reload} />
    ${!sub && !subscriber.error && html`<${Loading} />`}
    ${
      sub &&
      html`<div class="drawer-sections">
      <dl class="facts facts-grid">
        <div><dt>Subscriber ID</dt><dd>${sub.id}</dd></div>
        <div><dt>Platform</dt><dd>${platformName(sub.platform)}</dd></div>
        <div><dt>User ID on the platform</dt><dd class="mono">${sub.platformUserId}</dd></div>
        <div><dt>Username</dt><dd>${sub.username ? '@' + sub.username : '—'}</dd></div>
        <div><dt>Language</dt><dd>${sub.language || '—'}</dd></div>
        <div><dt>Status</dt><dd>${sub.status === 'blocked' ? html`<${Badge} tone="bad">Blocked</${Badge}>` : html`<${Badge} tone="good">Active</${Badge}>`}</dd></div>
        <div><dt>First message</dt><dd>${formatDateTime(sub.firstMessageAt, bot.timeZone)}</dd></div>
        <div><dt>Last message</dt><dd>${formatDateTime(sub.lastMessageAt, bot.timeZone)}</dd></div>
      </dl>

      <section aria-labelledby="drawer-tags">
        <h3 id="drawer-tags">Tags</h3>
        ${
          sub.tags.length === 0
            ? html`<p class="muted">No tags yet.</p>`
            : html`<ul class="chips chips-removable" aria-label="Tags of this subscriber">
                ${sub.tags.map(
                  (t) =>
                    html`<li class="tag-chip">
                      ${t}<button type="button" class="chip-remove" aria-label=${`Remove tag ${t}`} onClick=${() => removeTag(t)}>
                        <${Icon} name="x" size=${12} />
                      </button>
                    </li>`,
                )}
              </ul>`
        }
        <form class="toolbar-form" onSubmit=${addTag} novalidate>
          <${FormErrors} form=${form} />
          <${Input} label="Add a tag" list="drawer-tag-options" placeholder="Type a tag, new or existing" maxlength="64" autocomplete="off" ...${form.bind('tag')} />
          <datalist id="drawer-tag-options">${tags.filter((t) => !sub.tags.includes(t.name)).map((t) => html`<option value=${t.name} />`)}</datalist>
          <${Button} type="submit" variant="primary" busy=${form.busy}>Add tag</${Button}>
        </form>
      </section>

      <section aria-labelledby="drawer-broadcasts">
        <h3 id="drawer-broadcasts">Broadcasts</h3>
        <p data-opted-out=${sub.optedOutAt ? 'yes' : 'no'}>${
          sub.optedOutAt
            ? html`<${Badge} tone="warn">Opted out</${Badge}> since ${formatDateTime(sub.optedOutAt, bot.timeZone)}
                ${sub.optOutSource === 'keyword' ? ' (wrote an opt-out keyword)' : sub.optOutSource === 'api' ? ' (set here or through the API)' : ''}`
            : html`<${Badge} tone="good">Subscribed</${Badge}>`
        }</p>
        <p class="hint">Opted-out subscribers get no broadcasts or trigger messages; external events marked transactional still reach them.</p>
        <${Button} variant="secondary" busy=${busy} onClick=${toggleOptOut}>${sub.optedOutAt ? 'Opt back in' : 'Opt out of broadcasts'}</${Button}>
      </section>

      <section aria-labelledby="drawer-chat">
        <h3 id="drawer-chat">Operator chat</h3>
        <p>${
          sub.chatOpen
            ? html`<${Badge} tone="warn">Open</${Badge}> ${openChat ? `since ${formatDateTime(openChat.openedAt, bot.timeZone)}` : ''}`
            : html`<${Badge}>No open chat</${Badge}>`
        }</p>
        <p class="hint">While a chat with a human agent is open, broadcasts wait until it is closed — unless a broadcast ends open chats.</p>
        <${Button} variant=${sub.chatOpen ? 'secondary' : 'primary'} busy=${busy} onClick=${toggleChat}>${sub.chatOpen ? 'Close chat' : 'Open operator chat'}</${Button}>
        ${
          (chats.data ?? []).some((c) => c.closedAt) &&
          html`<details class="chat-history">
            <summary>Earlier chats</summary>
            <ul>
              ${chats.data
                .filter((c) => c.closedAt)
                .slice(0, 20)
                .map(
                  (c) =>
                    html`<li>
                      ${formatDateTime(c.openedAt, bot.timeZone)} – ${formatDateTime(c.closedAt, bot.timeZone)}:
                      ${c.closeReason || 'closed'}
                    </li>`,
                )}
            </ul>
          </details>`
        }
      </section>

      ${
        sub.lastRequest &&
        html`<section aria-labelledby="drawer-request">
          <h3 id="drawer-request">Last external request</h3>
          <pre class="code">${JSON.stringify(sub.lastRequest, null, 2)}</pre>
        </section>`
      }
    </div>`
    }
  </${Modal}>`;
}
