// Subscribers: search (q), filters (tag, status, platform, operator chat), keyset pagination
// ("Load more" follows nextCursor), and a drawer per subscriber with tags and the operator chat.
// Filters and the open drawer live in the address, so a view can be reloaded and shared.
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { useResource } from '../lib/data.js';
import { formatDateTime, plural } from '../lib/format.js';
import { setQuery } from '../lib/router.js';
import { useApp } from '../context.js';
import { PLATFORMS, platformName } from '../platforms.js';
import { Badge, Button, EmptyState, ErrorNotice, Loading, PageHeader, Select, useFocusTitle } from '../ui/components.js';
import { useConfirmedAction } from '../ui/lists.js';
import { Icon } from '../ui/icons.js';
import { SubscriberDrawer } from './subscribers/subscriber-drawer.js';
import { ImportSubscribersDialog } from './subscribers/import-dialog.js';

const PAGE_SIZE = 50;

function filtersFrom(query) {
  return {
    q: query.get('q') ?? '',
    tag: query.get('tag') ?? '',
    status: query.get('status') ?? '',
    platform: query.get('platform') ?? '',
    chat: query.get('chat') ?? '',
  };
}

function apiQuery(filters, cursor) {
  return toQuery({
    q: filters.q.trim(),
    tag: filters.tag,
    status: filters.status,
    platform: filters.platform,
    chatOpen: filters.chat === 'open' ? 'true' : filters.chat === 'closed' ? 'false' : '',
    limit: PAGE_SIZE,
    cursor,
  });
}

export function SubscribersPage({ bot, query }) {
  const { toast, me } = useApp();
  const [importing, setImporting] = useState(false);
  const confirmed = useConfirmedAction();
  const filters = filtersFrom(query);
  const key = JSON.stringify(filters);
  const [list, setList] = useState({ items: [], nextCursor: null, loading: true, error: null });
  const [search, setSearch] = useState(filters.q);
  const generation = useRef(0);
  const tags = useResource(() => api.get(`/api/bots/${bot.id}/tags`), [bot.id]);
  const openId = Number(query.get('subscriber')) || null;
  useFocusTitle('subscribers');

  const load = async (cursor) => {
    const mine = cursor ? generation.current : ++generation.current;
    setList((l) => ({ ...l, loading: true, error: null, ...(cursor ? {} : { items: l.items }) }));
    try {
      const page = await api.get(`/api/bots/${bot.id}/subscribers${apiQuery(filters, cursor)}`);
      if (mine !== generation.current) return;
      setList((l) => ({
        items: cursor ? [...l.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (mine === generation.current) setList((l) => ({ ...l, loading: false, error }));
    }
  };

  useEffect(() => {
    load(null);
  }, [bot.id, key]);

  // The address changed the search (back button, Clear filters): show it in the box.
  useEffect(() => {
    if (filters.q !== search.trim()) setSearch(filters.q);
  }, [filters.q]);

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    if (search.trim() === filters.q) return undefined;
    const timer = setTimeout(() => setQuery({ q: search.trim() }), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const onSubscriberChanged = (sub) => setList((l) => ({ ...l, items: l.items.map((s) => (s.id === sub.id ? sub : s)) }));
  const anyFilter = Object.values(filters).some(Boolean);

  const closeAll = () =>
    confirmed(
      {
        title: 'Close all open operator chats?',
        message: `Every open chat of ${bot.name} is closed; broadcasts waiting for those people are delivered.`,
        confirmLabel: 'Close all chats',
      },
      async () => {
        const result = await api.post(`/api/bots/${bot.id}/chats/close-all`);
        toast(`${plural(result.closed, 'chat')} closed`);
        load(null);
      },
    );

  const tagOptions = [
    { value: '', label: 'Any tag' },
    ...(tags.data ?? []).map((t) => ({ value: t.name, label: `${t.name} (${t.subscribers})` })),
  ];
  if (filters.tag && !(tags.data ?? []).some((t) => t.name === filters.tag)) tagOptions.push({ value: filters.tag, label: filters.tag });

  return html`<div class="page">
    <${PageHeader}
      title="Subscribers"
      description="People who wrote to the bot, newest first. Click someone to see their tags and operator chat."
      actions=${html`${me?.role !== 'viewer' && html`<${Button} icon="upload" onClick=${() => setImporting(true)}>Import subscribers</${Button}>`}
        <${Button} onClick=${closeAll}>Close all open chats</${Button}>`}
    />
    <section class="card filters" aria-label="Search and filters">
      <form
        class="filter-row"
        role="search"
        onSubmit=${(e) => {
          e.preventDefault();
          setQuery({ q: search.trim() });
        }}
      >
        <div class="field search-field">
          <label for="subscriber-search">Search</label>
          <div class="input-icon">
            <${Icon} name="search" size=${16} />
            <input
              id="subscriber-search"
              type="search"
              value=${search}
              onInput=${(e) => setSearch(e.currentTarget.value)}
              placeholder="Name, username, user id or subscriber id"
              autocomplete="off"
            />
          </div>
        </div>
        <${Select} label="Tag" value=${filters.tag} onChange=${(e) => setQuery({ tag: e.currentTarget.value })} options=${tagOptions} />
        <${Select}
          label="Status"
          value=${filters.status}
          onChange=${(e) => setQuery({ status: e.currentTarget.value })}
          options=${[
            { value: '', label: 'Any status' },
            { value: 'active', label: 'Active' },
            { value: 'blocked', label: 'Blocked' },
          ]}
        />
        <${Select}
          label="Platform"
          value=${filters.platform}
          onChange=${(e) => setQuery({ platform: e.currentTarget.value })}
          options=${[{ value: '', label: 'Any platform' }, ...PLATFORMS.map((p) => ({ value: p.code, label: p.name }))]}
        />
        <${Select}
          label="Operator chat"
          value=${filters.chat}
          onChange=${(e) => setQuery({ chat: e.currentTarget.value })}
          options=${[
            { value: '', label: 'Any' },
            { value: 'open', label: 'Chat open' },
            { value: 'closed', label: 'No open chat' },
          ]}
        />
        ${
          anyFilter &&
          html`<${Button} variant="ghost" className="filter-clear" onClick=${() => {
            setSearch('');
            setQuery({ q: '', tag: '', status: '', platform: '', chat: '' });
          }}>Clear filters</${Button}>`
        }
      </form>
    </section>
    <${ErrorNotice} error=${list.error} onRetry=${() => load(null)} />
    ${list.items.length === 0 && list.loading && html`<${Loading} />`}
    ${
      list.items.length === 0 &&
      !list.loading &&
      !list.error &&
      html`<div class="card">
        ${
          anyFilter
            ? html`<${EmptyState} icon="search" title="Nobody matches these filters"><p>Change the search or clear the filters.</p></${EmptyState}>`
            : html`<${EmptyState} icon="users" title="No subscribers yet">
          <p>People become subscribers when they write to the bot on a connected platform — or, to try things out, when a sandbox user writes.</p>
          <p><a href=${`/bots/${bot.id}/channels`}>Connect a channel</a> · <a href=${`/bots/${bot.id}/sandbox`}>Write as a sandbox user</a></p>
        </${EmptyState}>`
        }
      </div>`
    }
    ${
      list.items.length > 0 &&
      html`<div class="card card-flush">
        <div class="table-wrap">
          <table class="table table-hover" aria-label="Subscribers">
            <thead>
              <tr>
                <th scope="col">Subscriber</th>
                <th scope="col">Platform</th>
                <th scope="col" class="hide-sm">User ID</th>
                <th scope="col">Status</th>
                <th scope="col">Tags</th>
                <th scope="col" class="hide-sm">Last message</th>
              </tr>
            </thead>
            <tbody>
              ${list.items.map(
                (s) =>
                  html`<tr
                    key=${s.id}
                    data-subscriber=${s.id}
                    onClick=${(e) => {
                      if (!(e.target instanceof Element && e.target.closest('button, a')))
                        setQuery({ subscriber: s.id }, { replace: false });
                    }}
                  >
                    <td>
                      <button
                        type="button"
                        class="link-button subscriber-name"
                        onClick=${() => setQuery({ subscriber: s.id }, { replace: false })}
                      >
                        ${s.name || s.username || s.platformUserId}
                      </button>
                      ${s.username && html`<div class="muted small">@${s.username}</div>`}
                    </td>
                    <td>${platformName(s.platform)}</td>
                    <td class="hide-sm mono">${s.platformUserId}</td>
                    <td>
                      ${s.status === 'blocked' ? html`<${Badge} tone="bad">Blocked</${Badge}>` : html`<${Badge} tone="good">Active</${Badge}>`}
                      ${s.chatOpen && html` <${Badge} tone="warn">Chat open</${Badge}>`}
                    </td>
                    <td><div class="chips">${s.tags.map((t) => html`<span class="tag-chip">${t}</span>`)}</div></td>
                    <td class="hide-sm nowrap">${formatDateTime(s.lastMessageAt, bot.timeZone)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <div class="table-foot">
          <span class="muted"
            >Showing
            ${plural(list.items.length, 'subscriber')}${list.nextCursor ? '' : ' — that is everyone'}${anyFilter ? ' matching the filters' : ''}</span
          >
          ${list.nextCursor && html`<${Button} busy=${list.loading} onClick=${() => load(list.nextCursor)}>Load more</${Button}>`}
        </div>
      </div>`
    }
    ${
      importing &&
      html`<${ImportSubscribersDialog}
        bot=${bot}
        onClose=${() => setImporting(false)}
        onImported=${() => {
          load(null);
          tags.reload();
        }}
      />`
    }
    ${
      openId &&
      html`<${SubscriberDrawer}
        key=${openId}
        id=${openId}
        bot=${bot}
        tags=${tags.data ?? []}
        onClose=${() => setQuery({ subscriber: '' }, { replace: false })}
        onChanged=${(sub) => {
          onSubscriberChanged(sub);
          tags.reload();
        }}
      />`
    }
  </div>`;
}
