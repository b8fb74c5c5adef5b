// The sandbox: write to the bot as a sandbox user (that is how sandbox subscribers come to exist),
// read the sandbox inbox (what users wrote and what the bot sent them), and make a user behave like
// a real person (blocked the bot, deleted the account, temporarily unreachable).
import { html, useEffect, useState } from '../lib/html.js';
import { api, query } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useInterval, useResource } from '../lib/data.js';
import { formatDateTime } from '../lib/format.js';
import { useApp } from '../context.js';
import { Badge, Button, Card, EmptyState, FormErrors, Input, PageHeader, Select, TextArea, useFocusTitle } from '../ui/components.js';
import { ResourceStatus } from '../ui/lists.js';
import { Icon } from '../ui/icons.js';

const BEHAVIOURS = [
  { value: 'normal', label: 'Normal — receives messages' },
  { value: 'blocked', label: 'Blocked the bot' },
  { value: 'gone', label: 'Deleted the account' },
  { value: 'flaky', label: 'Flaky — temporary failures' },
];

export function SandboxPage({ bot }) {
  const channels = useResource(() => api.get(`/api/bots/${bot.id}/channels`), [bot.id]);
  const { toast } = useApp();
  useFocusTitle('sandbox');
  const channel = (channels.data ?? []).find((c) => c.platform === 'sandbox');

  const addSandbox = async () => {
    try {
      await api.post(`/api/bots/${bot.id}/channels`, { platform: 'sandbox' });
      toast('Sandbox channel connected');
      channels.reload();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };

  return html`<div class="page">
    <${PageHeader}
      title="Sandbox"
      description="A built-in platform whose users live inside Botcast: try subscribers, tags, operator chats and broadcasts without any account."
    />
    <${ResourceStatus} resource=${channels} />
    ${
      channels.data &&
      !channel &&
      html`<div class="card"><${EmptyState} icon="sandbox" title="This bot has no sandbox channel"
      action=${html`<${Button} variant="primary" onClick=${addSandbox}>Add a sandbox channel</${Button}>`}>
      <p>Add one to write to the bot as made-up users and see what it sends them.</p>
    </${EmptyState}></div>`
    }
    ${channel && html`<${Sandbox} key=${channel.id} bot=${bot} channel=${channel} />`}
  </div>`;
}

function Sandbox({ bot, channel }) {
  const { toast } = useApp();
  const [userFilter, setUserFilter] = useState('');
  const [knownUsers, setKnownUsers] = useState([]);
  // Kept by the server (GET …/sandbox/users), so they are still listed after a reload.
  const saved = useResource(() => api.get(`/api/channels/${channel.id}/sandbox/users`), [channel.id]);
  const [changed, setBehaviours] = useState({});
  const behaviours = { ...Object.fromEntries((saved.data ?? []).map((u) => [u.userId, u.behaviour])), ...changed };
  const inbox = useResource(
    () => api.get(`/api/channels/${channel.id}/sandbox/inbox${query({ userId: userFilter, limit: 100 })}`),
    [channel.id, userFilter],
  );
  useInterval(inbox.reload, 5000);

  const remember = (ids) => setKnownUsers((list) => [...new Set([...list, ...ids])].sort());
  useEffect(() => {
    if (inbox.data) remember(inbox.data.map((m) => m.userId));
  }, [inbox.data]);

  const write = useForm({ userId: '', name: '', username: '', language: '', text: '' });
  const send = (e) => {
    e.preventDefault();
    write.submit(async (v) => {
      const body = { userId: v.userId.trim(), text: v.text };
      if (v.name.trim()) body.name = v.name.trim();
      if (v.username.trim()) body.username = v.username.trim();
      if (v.language.trim()) body.language = v.language.trim();
      const result = await api.post(`/api/channels/${channel.id}/sandbox/messages`, body);
      write.set('text', '');
      remember([body.userId]);
      toast(
        `${body.name || body.userId} wrote to the bot (subscriber ${result.subscriberId})${result.chatsClosed ? ' and closed the operator chat' : ''}`,
      );
      inbox.reload();
    });
  };

  const behave = useForm({ userId: '', behaviour: 'blocked' });
  const setBehaviour = (e) => {
    e.preventDefault();
    const userId = behave.values.userId.trim();
    if (!userId) {
      behave.setErrors({ userId: 'Enter the user id of a sandbox user' });
      return;
    }
    behave.submit(async (v) => {
      const result = await api.put(`/api/channels/${channel.id}/sandbox/users/${encodeURIComponent(userId)}`, { behaviour: v.behaviour });
      setBehaviours((b) => ({ ...b, [result.userId]: result.behaviour }));
      remember([result.userId]);
      toast(`${result.userId} now behaves: ${result.behaviour}`);
    });
  };

  return html`<div class="sandbox-grid">
    <div class="stack">
      <${Card} title="Write as a sandbox user">
        <form class="form" onSubmit=${send} novalidate aria-label="Write as a sandbox user">
          <${FormErrors} form=${write} />
          <div class="field-row">
            <${Input} label="User ID" placeholder="e.g. alice" list="sandbox-users" autocomplete="off" spellcheck="false" hint="The same id is the same person." ...${write.bind('userId')} />
            <${Input} label="Name" placeholder="Alice Example" hint="Optional." ...${write.bind('name')} />
          </div>
          <div class="field-row">
            <${Input} label="Username" placeholder="alice" hint="Optional." ...${write.bind('username')} />
            <${Input} label="Language" placeholder="en" hint="Optional." ...${write.bind('language')} className="field-narrow" />
          </div>
          <${TextArea} label="Message" rows="3" placeholder="Hi! (STOP closes an open operator chat)" ...${write.bind('text')} />
          <div class="form-actions"><${Button} type="submit" variant="primary" icon="send" busy=${write.busy}>Send to the bot</${Button}></div>
        </form>
      </${Card}>
      <${Card} title="Make a user behave like a real person">
        <form class="form" onSubmit=${setBehaviour} novalidate aria-label="Sandbox user behaviour">
          <${FormErrors} form=${behave} />
          <div class="field-row">
            <${Input} label="User ID" list="sandbox-users" autocomplete="off" spellcheck="false" placeholder="e.g. alice" ...${behave.bind('userId')} />
            <${Select} label="Behaviour" options=${BEHAVIOURS} ...${behave.bind('behaviour')} />
          </div>
          <p class="hint">Broadcasts to this user then end as blocked, invalid recipient or temporary failure — so you can see how Botcast handles each.</p>
          <div class="form-actions"><${Button} type="submit" busy=${behave.busy}>Apply</${Button}></div>
        </form>
        ${
          Object.keys(behaviours).length > 0 &&
          html`<ul class="plain-list" aria-label="Behaviours of sandbox users">
            ${Object.entries(behaviours).map(([user, b]) => html`<li><span class="mono">${user}</span>: <${Badge} tone=${b === 'normal' ? 'good' : 'warn'}>${b}</${Badge}></li>`)}
          </ul>`
        }
      </${Card}>
      <datalist id="sandbox-users">${knownUsers.map((u) => html`<option value=${u} />`)}</datalist>
    </div>
    <${Card} title="Inbox" className="inbox-card" actions=${html`
      <${Select} label="User" labelHidden value=${userFilter} onChange=${(e) => setUserFilter(e.currentTarget.value)}
        options=${[{ value: '', label: 'All users' }, ...knownUsers.map((u) => ({ value: u, label: u }))]} />
      <${Button} size="sm" icon="refresh" onClick=${inbox.reload}>Refresh</${Button}>`}>
      <${ResourceStatus} resource=${inbox} />
      ${
        inbox.data?.length === 0 &&
        html`<${EmptyState} icon="sandbox" title="The inbox is empty">
        <p>Write as a sandbox user: the message and everything the bot sends back appear here, newest first.</p>
      </${EmptyState}>`
      }
      ${
        inbox.data?.length > 0 &&
        html`<ol class="inbox" aria-label="Sandbox messages, newest first" tabindex="0">
          ${inbox.data.map(
            (m) =>
              html`<li key=${m.id} class=${`inbox-item inbox-${m.direction}`}>
                <div class="inbox-meta">
                  ${m.direction === 'in' ? html`<${Badge} tone="info">from ${m.userId}</${Badge}>` : html`<${Badge} tone="good">to ${m.userId}</${Badge}>`}
                  <time datetime=${m.createdAt}>${formatDateTime(m.createdAt, bot.timeZone)}</time>
                </div>
                <${InboxBody} body=${m.body} />
              </li>`,
          )}
        </ol>`
      }
    </${Card}>
  </div>`;
}

/** An inbound body is { text }; an outbound one is the list of messages the bot sent. */
function InboxBody({ body }) {
  const parts = Array.isArray(body) ? body : [body];
  return html`<div class="inbox-body">
    ${parts.map(
      (p) =>
        html`<div class="inbox-part">
          ${p?.media && html`<div class="muted small"><${Icon} name=${p.media.type === 'image' ? 'image' : 'file'} size=${14} /> ${/^https?:\/\//i.test(p.media.url) ? html`<a href=${p.media.url} target="_blank" rel="noopener noreferrer">${p.media.url}</a>` : p.media.url}</div>`}
          ${p?.text && html`<p class="pre-wrap">${p.text}</p>`}
          ${Array.isArray(p?.buttons) && p.buttons.length > 0 && html`<div class="chips">${p.buttons.map((b) => html`<span class="chip-outline">${b.text}${b.kind === 'url' ? ' ↗' : ''}</span>`)}</div>`}
          ${!p?.text && !p?.media && !p?.buttons && html`<pre class="code">${JSON.stringify(p, null, 2)}</pre>`}
        </div>`,
    )}
  </div>`;
}
