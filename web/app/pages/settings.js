// Settings of the workspace (not of a bot), at /settings: members and their roles, API keys,
// the caller's own panel sessions, and the audit log. What the caller's role may not do, the API
// refuses (403); the page only hides what an admin-only list would refuse to show.
import { html, useState } from '../lib/html.js';
import { api, query } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useResource } from '../lib/data.js';
import { browserTimeZone, describeActor, formatDateTime } from '../lib/format.js';
import { useApp } from '../context.js';
import { Badge, Button, CopyField, FormErrors, Input, PageHeader, Select, useFocusTitle } from '../ui/components.js';
import { DataTable, ResourceStatus, useConfirmedAction } from '../ui/lists.js';
import { StatusWebhooksSection } from './settings-status-webhooks.js';

const ROLES = ['viewer', 'editor', 'admin', 'owner'];
const RANK = Object.fromEntries(ROLES.map((r, i) => [r, i]));
const ROLE_OPTIONS = (upTo) => ROLES.filter((r) => RANK[r] <= RANK[upTo]).map((r) => ({ value: r, label: r }));
const when = (value) => formatDateTime(value, browserTimeZone());

export function SettingsPage() {
  const { me } = useApp();
  const admin = RANK[me.role] >= RANK.admin;
  useFocusTitle('settings');
  return html`<div class="page">
    <${PageHeader}
      title="Settings"
      description=${`Workspace ${me.workspace.name}. Your role: ${me.role}. Viewers read; editors also send and edit content; admins also manage bots, channels, keys and members; owners also owners.`}
    />
    ${admin && html`<${MembersSection} me=${me} />`} ${admin && html`<${ApiKeysSection} me=${me} />`}
    <${SessionsSection} />
    ${admin && html`<${StatusWebhooksSection} />`} ${admin && html`<${AuditSection} me=${me} />`}
  </div>`;
}

function MembersSection({ me }) {
  const members = useResource(() => api.get('/api/members'), []);
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const form = useForm({ email: '', name: '', password: '', role: 'viewer' }, { defaultField: 'email' });
  const add = (e) => {
    e.preventDefault();
    form.submit(async (values) => {
      const member = await api.post('/api/members', values);
      form.reset();
      toast(`${member.email} added as ${member.role} — give them their password`);
      members.reload();
    });
  };
  const changeRole = async (member, role) => {
    try {
      await api.patch(`/api/members/${member.id}`, { role });
      toast(`${member.email} is now ${role}`);
    } catch (error) {
      toast(error.message, 'bad');
    }
    members.reload();
  };
  const remove = (member) =>
    confirmed({ title: `Remove ${member.email}?`, message: 'They are logged out at once.', confirmLabel: 'Remove member' }, async () => {
      await api.del(`/api/members/${member.id}`);
      toast(`${member.email} removed`);
      members.reload();
    });
  const logOut = (member) =>
    confirmed({ title: `Log ${member.email} out everywhere?`, confirmLabel: 'Log out' }, async () => {
      const { revoked } = await api.del(`/api/members/${member.id}/sessions`);
      toast(`${revoked} session(s) ended`);
    });

  return html`<section class="card" aria-labelledby="members-title">
    <h2 id="members-title">Members</h2>
    <p class="hint">Botcast sends no e-mail: choose a first password and hand it to the new member yourself.</p>
    <form class="toolbar-form" onSubmit=${add} novalidate aria-label="Add a member">
      <${FormErrors} form=${form} />
      <${Input} label="E-mail" type="email" autocomplete="off" ...${form.bind('email')} />
      <${Input} label="Name" autocomplete="off" ...${form.bind('name')} />
      <${Input} label="First password" type="password" autocomplete="new-password" minlength="8" ...${form.bind('password')} />
      <${Select} label="Role" options=${ROLE_OPTIONS(me.role)} ...${form.bind('role')} />
      <${Button} type="submit" variant="primary" icon="plus" busy=${form.busy}>Add member</${Button}>
    </form>
    <${ResourceStatus} resource=${members} />
    ${
      members.data &&
      html`<${DataTable} label="Members" columns=${['Member', 'Role', { label: 'Added', className: 'hide-sm' }, { label: 'Actions', className: 'actions-col', hidden: true }]}>
            ${members.data.map((m) => {
              const mine = m.id === me.memberId;
              const above = RANK[m.role] > RANK[me.role];
              return html`<tr key=${m.id} data-member=${m.email}>
                <td>
                  ${m.name ? html`${m.name} <span class="muted">${m.email}</span>` : m.email}${mine && html` <${Badge}>you</${Badge}>`}
                </td>
                <td>
                  ${
                    above
                      ? m.role
                      : html`<${Select}
                          label=${`Role of ${m.email}`}
                          labelHidden
                          options=${ROLE_OPTIONS(me.role)}
                          value=${m.role}
                          onChange=${(e) => changeRole(m, e.currentTarget.value)}
                        />`
                  }
                </td>
                <td class="hide-sm">${when(m.createdAt)}</td>
                <td class="actions-col">
                  ${
                    !above &&
                    html`<div class="row-actions">
                  ${!mine && html`<${Button} size="sm" variant="ghost" onClick=${() => logOut(m)}>Log out</${Button}>`}
                  <${Button} size="sm" variant="danger-ghost" onClick=${() => remove(m)} aria-label=${`Remove ${m.email}`}>Remove</${Button}>
                </div>`
                  }
                </td>
              </tr>`;
            })}
          </${DataTable}>`
    }
  </section>`;
}

function ApiKeysSection({ me }) {
  const keys = useResource(() => api.get('/api/api-keys'), []);
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const [made, setMade] = useState(null);
  const form = useForm({ name: '', role: 'editor' }, { defaultField: 'name' });
  const create = (e) => {
    e.preventDefault();
    form.submit(async (values) => {
      setMade(await api.post('/api/api-keys', values));
      form.reset();
      keys.reload();
    });
  };
  const revoke = (key) =>
    confirmed(
      { title: `Revoke the key “${key.name}”?`, message: 'Requests with it fail at once.', confirmLabel: 'Revoke key' },
      async () => {
        await api.del(`/api/api-keys/${key.id}`);
        toast(`Key “${key.name}” revoked`);
        keys.reload();
      },
    );

  return html`<section class="card" aria-labelledby="keys-title">
    <h2 id="keys-title">API keys</h2>
    <form class="toolbar-form" onSubmit=${create} novalidate aria-label="Create an API key">
      <${FormErrors} form=${form} />
      <${Input} label="Name" placeholder="e.g. CRM sync" maxlength="200" autocomplete="off" ...${form.bind('name')} />
      <${Select} label="Role" options=${ROLE_OPTIONS(me.role)} ...${form.bind('role')} />
      <${Button} type="submit" variant="primary" icon="plus" busy=${form.busy}>Create key</${Button}>
    </form>
    ${made && html`<${CopyField} label=${`Key “${made.name}” (${made.role})`} value=${made.key} hint="Shown this once: copy it now." />`}
    <${ResourceStatus} resource=${keys} />
    ${
      keys.data &&
      html`<${DataTable} label="API keys" columns=${['Name', 'Key', 'Role', { label: 'Created', className: 'hide-sm' }, 'Last used', { label: 'Actions', className: 'actions-col', hidden: true }]}>
            ${keys.data.map(
              (k) =>
                html`<tr key=${k.id} data-key=${k.name}>
                  <td>${k.name}</td>
                  <td><code>${k.prefix}…</code></td>
                  <td>${k.role}</td>
                  <td class="hide-sm">${when(k.createdAt)}</td>
                  <td>${k.lastUsedAt ? when(k.lastUsedAt) : 'never'}</td>
                  <td class="actions-col">
                    ${
                      k.revokedAt
                        ? html`<${Badge} title=${when(k.revokedAt)}>Revoked</${Badge}>`
                        : RANK[k.role] <= RANK[me.role] &&
                          html`<${Button} size="sm" variant="danger-ghost" onClick=${() => revoke(k)} aria-label=${`Revoke ${k.name}`}>Revoke</${Button}>`
                    }
                  </td>
                </tr>`,
            )}
          </${DataTable}>`
    }
  </section>`;
}

function SessionsSection() {
  const sessions = useResource(() => api.get('/api/sessions'), []);
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const end = (s) =>
    confirmed({ title: 'End this session?', confirmLabel: 'End session' }, async () => {
      await api.del(`/api/sessions/${s.id}`);
      sessions.reload();
    });
  const endOthers = () =>
    confirmed({ title: 'Log out everywhere else?', confirmLabel: 'Log out others' }, async () => {
      const { revoked } = await api.post('/api/sessions/revoke-others', {});
      toast(`${revoked} other session(s) ended`);
      sessions.reload();
    });
  return html`<section class="card" aria-labelledby="sessions-title">
    <h2 id="sessions-title">Your sessions</h2>
    <${ResourceStatus} resource=${sessions} />
    ${
      sessions.data &&
      html`<${DataTable} label="Sessions" columns=${['Logged in', 'Expires', { label: 'Actions', className: 'actions-col', hidden: true }]}>
            ${sessions.data.map(
              (s) =>
                html`<tr key=${s.id}>
                  <td>${when(s.createdAt)}${s.current && html` <${Badge} tone="good">this one</${Badge}>`}</td>
                  <td>${when(s.expiresAt)}</td>
                  <td class="actions-col">
                    ${!s.current && html`<${Button} size="sm" variant="danger-ghost" onClick=${() => end(s)}>End</${Button}>`}
                  </td>
                </tr>`,
            )}
          </${DataTable}>`
    }
    ${sessions.data?.length > 1 && html`<${Button} variant="ghost" onClick=${endOthers}>Log out everywhere else</${Button}>`}
  </section>`;
}

function AuditSection({ me }) {
  const [action, setAction] = useState('');
  const [pages, setPages] = useState([]);
  const members = useResource(() => api.get('/api/members'), []);
  const first = useResource(async () => {
    const page = await api.get(`/api/audit-log${query({ action: action || undefined, limit: 50 })}`);
    setPages([page]);
    return page;
  }, [action]);
  const last = pages[pages.length - 1];
  const more = async () => {
    const page = await api.get(`/api/audit-log${query({ action: action || undefined, limit: 50, cursor: last.nextCursor })}`);
    setPages([...pages, page]);
  };
  const entries = pages.flatMap((p) => p.items);
  return html`<section class="card" aria-labelledby="audit-title">
    <h2 id="audit-title">Audit log</h2>
    <${Select}
      label="Show"
      value=${action}
      onChange=${(e) => setAction(e.currentTarget.value)}
      options=${[
        { value: '', label: 'every change' },
        { value: 'channel.', label: 'channels' },
        { value: 'api_key.', label: 'API keys' },
        { value: 'member.', label: 'members' },
        { value: 'status_webhook.', label: 'status webhooks' },
      ]}
    />
    <${ResourceStatus} resource=${first} />
    ${
      first.data &&
      html`<${DataTable} label="Audit log" columns=${['When', 'Who', 'What', 'On', { label: 'Detail', className: 'hide-sm' }]}>
            ${entries.map(
              (e) =>
                html`<tr key=${e.id}>
                  <td>${when(e.createdAt)}</td>
                  <td>${describeActor(e.actor, members.data ?? [], me)}</td>
                  <td><code>${e.action}</code></td>
                  <td>${e.target}</td>
                  <td class="hide-sm"><code>${JSON.stringify(e.detail)}</code></td>
                </tr>`,
            )}
          </${DataTable}>`
    }
    ${last?.nextCursor && html`<${Button} variant="ghost" onClick=${more}>Older entries</${Button}>`}
  </section>`;
}
