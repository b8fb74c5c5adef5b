// Broadcasting history (GET /api/history): Active (grace-window countdown with Delete, progress of
// delivering sends with Stop), Scheduled, Periodic (next run), Completed (errors with View errors)
// and Drafts. Broadcasts / External / Trigger events checkboxes in Active and Completed (none =
// all), search by send id, "Load more" pages. Section, kinds and search live in the address.
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { useInterval, useNow } from '../lib/data.js';
import { describeRecurrence, formatDateTime, formatDuration, formatNumber, plural } from '../lib/format.js';
import { setQuery } from '../lib/router.js';
import { useApp } from '../context.js';
import { PlatformDot, platformName } from '../platforms.js';
import { Badge, Button, EmptyState, ErrorNotice, Loading, PageHeader, ProgressBar, TabLinks, useFocusTitle } from '../ui/components.js';
import { useConfirmedAction } from '../ui/lists.js';
import { Icon } from '../ui/icons.js';
import { DraftsList } from './drafts.js';

export const SECTIONS = [
  { key: 'active', label: 'Active' },
  { key: 'scheduled', label: 'Scheduled' },
  { key: 'periodic', label: 'Periodic' },
  { key: 'completed', label: 'Completed' },
  { key: 'drafts', label: 'Drafts' },
];
export const KINDS = [
  { key: 'broadcast', label: 'Broadcasts' },
  { key: 'external', label: 'External' },
  { key: 'trigger', label: 'Trigger events' },
];
const PAGE_SIZE = 25;

export function kindLabel(kind) {
  return { broadcast: 'Broadcast', external: 'External', trigger: 'Trigger event' }[kind] ?? kind;
}

const EMPTY = {
  active: [
    'Nothing is being sent right now',
    'A broadcast sent with “Now” waits here for its 1-minute grace window — you can still delete it — and stays while it is delivering.',
  ],
  scheduled: [
    'No scheduled broadcasts',
    'Choose “At a date and time” in Send broadcast: the broadcast waits here until then, and can be deleted until it starts.',
  ],
  periodic: [
    'No periodic broadcasts',
    'Choose “Periodic” in Send broadcast to send every N days, on weekdays or on days of the month. Each run appears in Completed.',
  ],
  completed: [
    'No completed broadcasts yet',
    'Finished sends appear here with their counts, errors and logs. They are deleted 3 months after they finish.',
  ],
};

export function HistoryPage({ bot, query }) {
  const section = SECTIONS.some((s) => s.key === query.get('section')) ? query.get('section') : 'active';
  const kinds = (query.get('kinds') ?? '').split(',').filter((k) => KINDS.some((x) => x.key === k));
  const q = query.get('q') ?? '';
  useFocusTitle('history');
  const href = (key) =>
    `/bots/${bot.id}/history${toQuery({ section: key, kinds: ['active', 'completed'].includes(key) ? kinds.join(',') : '', q: key === 'drafts' ? '' : q })}`;
  return html`<div class="page">
    <${PageHeader}
      title="Broadcasting history"
      description="Every send of this bot: what is sending now, what is planned, and what happened — with the log of every send."
      actions=${html`<a class="btn btn-primary" href=${`/bots/${bot.id}/broadcast`}><${Icon} name="send" size=${16} /><span>Send broadcast</span></a>`}
    />
    <${TabLinks} label="Sections of the history" current=${section} tabs=${SECTIONS.map((s) => ({ ...s, href: href(s.key) }))} />
    ${
      section === 'drafts'
        ? html`<${DraftsList} bot=${bot} />`
        : html`<${HistoryList} key=${`${section}|${kinds.join(',')}|${q}`} bot=${bot} section=${section} kinds=${kinds} q=${q} />`
    }
  </div>`;
}

function Filters({ section, kinds, q }) {
  const [search, setSearch] = useState(q);
  const withKinds = section === 'active' || section === 'completed';
  const toggle = (key, on) => {
    const next = KINDS.map((k) => k.key).filter((k) => (k === key ? on : kinds.includes(k)));
    setQuery({ kinds: next.join(',') });
  };
  return html`<section class="card filters" aria-label="Search and filters">
    <form class="filter-row" role="search" onSubmit=${(e) => {
      e.preventDefault();
      setQuery({ q: search.trim() });
    }}>
      <div class="field search-field send-search">
        <label for="send-search">Search by send id</label>
        <div class="input-group">
          <div class="input-icon grow">
            <${Icon} name="search" size=${16} />
            <input id="send-search" type="search" inputmode="numeric" value=${search} placeholder="e.g. 128" autocomplete="off"
              onInput=${(e) => {
                setSearch(e.currentTarget.value);
                if (!e.currentTarget.value && q) setQuery({ q: '' });
              }} />
          </div>
          <${Button} type="submit">Find</${Button}>
        </div>
      </div>
      ${
        withKinds &&
        html`<fieldset class="kind-filter">
          <legend>Show</legend>
          <div class="kind-options">
            ${KINDS.map((k) => html`<label class="check-inline"><input type="checkbox" checked=${kinds.includes(k.key)} onChange=${(e) => toggle(k.key, e.currentTarget.checked)} />${k.label}</label>`)}
          </div>
          <p class="hint">None checked shows every type.</p>
        </fieldset>`
      }
    </form>
  </section>`;
}

function HistoryList({ bot, section, kinds, q }) {
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const [list, setList] = useState({ items: [], nextCursor: null, loading: true, error: null, fetchedAt: Date.now(), loaded: false });
  const generation = useRef(0);
  const extraPages = useRef(false);
  const shown = useRef([]);
  shown.current = list.items;
  // Sends that left Active while the page watched them: they finished (or were stopped).
  const [finished, setFinished] = useState([]);

  const load = async (cursor, { silent = false } = {}) => {
    const mine = cursor ? generation.current : ++generation.current;
    if (!silent) setList((l) => ({ ...l, loading: true, error: null }));
    try {
      const params = { section, kinds: kinds.join(','), q, botId: bot.id, limit: PAGE_SIZE, cursor };
      const page = await api.get(`/api/history${toQuery(params)}`);
      if (mine !== generation.current) return;
      if (cursor) extraPages.current = true;
      if (silent && section === 'active') {
        const still = new Set(page.items.map((i) => i.id));
        const gone = shown.current.filter((i) => !still.has(i.id)).map((i) => i.id);
        if (gone.length > 0) setFinished((f) => [...new Set([...f, ...gone])]);
      }
      setList((l) => ({
        items: cursor ? [...l.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
        fetchedAt: Date.now(),
        loaded: true,
      }));
    } catch (error) {
      if (mine === generation.current) setList((l) => ({ ...l, loading: false, error, loaded: true }));
    }
  };
  useEffect(() => {
    load(null);
  }, []);

  // Active sends change by the second: refresh the first page (not while more pages are open).
  const live = section === 'active' || list.items.some((i) => i.counts && i.counts.queued + i.counts.inFlight > 0);
  useInterval(
    () => {
      if (!extraPages.current && !list.loading) load(null, { silent: true });
    },
    live ? 2500 : section === 'completed' ? 10000 : 30000,
  );
  const now = useNow(1000, section === 'active' && list.items.some((i) => i.graceSecondsLeft !== null));

  const remove = (item) => {
    const what = item.timing?.type === 'periodic' ? 'No further runs happen; finished runs stay in Completed.' : 'Nothing of it is sent.';
    return confirmed(
      { title: `Delete send #${item.id}?`, message: what, confirmLabel: 'Delete' },
      async () => {
        await api.del(`/api/sends/${item.id}`);
        toast(`Send #${item.id} deleted`);
        load(null);
      },
      () => load(null),
    );
  };
  const stop = (item) =>
    confirmed(
      {
        title: `Stop send #${item.id}?`,
        message: 'What was not sent yet is cancelled and counted as cancelled.',
        confirmLabel: 'Stop sending',
      },
      async () => {
        const result = await api.post(`/api/sends/${item.id}/stop`);
        toast(`Send #${item.id} stopped: ${plural(result.cancelled, 'delivery', 'deliveries')} cancelled`);
        load(null);
      },
      () => load(null),
    );

  const searchError = list.error?.field === 'q' ? list.error : null;
  const [emptyTitle, emptyText] = EMPTY[section];
  return html` <${Filters} section=${section} kinds=${kinds} q=${q} />
    ${
      finished.length > 0 &&
      html`<div class="alert alert-info finished-notice" role="status">
        <p>
          ${finished.map((id, i) => html`${i > 0 ? ', ' : ''}<a href=${`/bots/${bot.id}/history/${id}`}>#${id}</a>`)}
          ${finished.length === 1 ? 'has' : 'have'} finished: ${finished.length === 1 ? 'it is' : 'they are'} in Completed, with
          ${finished.length === 1 ? 'its' : 'their'} log.
        </p>
        <a class="btn btn-sm btn-secondary" href=${`/bots/${bot.id}/history${toQuery({ section: 'completed', kinds: kinds.join(',') })}`}
          >Open Completed</a
        >
      </div>`
    }
    ${searchError ? html`<div class="alert alert-error" role="alert"><p>${searchError.message}</p></div>` : html`<${ErrorNotice} error=${list.error} onRetry=${() => load(null)} />`}
    ${!list.loaded && html`<${Loading} />`}
    ${
      list.loaded &&
      list.items.length === 0 &&
      !list.error &&
      html`<div class="card">
        ${
          q
            ? html`<${EmptyState} icon="search" title=${`No send #${q.replace(/^#/, '')} in ${SECTIONS.find((s) => s.key === section).label}`}>
          <p>Look in another section, or clear the search.</p>
        </${EmptyState}>`
            : kinds.length > 0 && kinds.length < KINDS.length
              ? html`<${EmptyState} icon="search" title=${`No ${kinds.map((k) => KINDS.find((x) => x.key === k).label.toLowerCase()).join(' or ')} in ${SECTIONS.find((s) => s.key === section).label}`}>
          <p>Check other types above — or none, to see every type.</p>
        </${EmptyState}>`
              : html`<${EmptyState} icon="history" title=${emptyTitle}
          action=${section !== 'completed' && html`<a class="btn btn-primary" href=${`/bots/${bot.id}/broadcast`}>Send a broadcast</a>`}>
          <p>${emptyText}</p>
        </${EmptyState}>`
        }
      </div>`
    }
    ${
      list.items.length > 0 &&
      html`<div class="card card-flush">
        <div class="table-wrap">
          <table class="table history-table" aria-label=${`${SECTIONS.find((s) => s.key === section).label} sends`}>
            <thead>
              <tr>
                <th scope="col">Send</th>
                <th scope="col">Message and recipients</th>
                <th scope="col">
                  ${section === 'completed' ? 'Started / finished' : section === 'periodic' ? 'Schedule' : section === 'scheduled' ? 'Scheduled for' : 'Time'}
                </th>
                <th scope="col">Counts</th>
                <th scope="col" class="actions-col">Actions</th>
              </tr>
            </thead>
            <tbody>
              ${list.items.map(
                (item) =>
                  html`<${HistoryRow}
                    key=${`${item.id}-${item.runId}`}
                    item=${item}
                    bot=${bot}
                    section=${section}
                    secondsLeft=${item.graceSecondsLeft === null ? null : Math.max(0, item.graceSecondsLeft - Math.floor((now - list.fetchedAt) / 1000))}
                    onDelete=${() => remove(item)}
                    onStop=${() => stop(item)}
                  />`,
              )}
            </tbody>
          </table>
        </div>
        <div class="table-foot">
          <span class="muted"
            >${plural(list.items.length, section === 'completed' ? 'run' : 'send')}${list.nextCursor ? '' : ' — that is all'}</span
          >
          ${list.nextCursor && html`<${Button} busy=${list.loading} onClick=${() => load(list.nextCursor)}>Load more</${Button}>`}
        </div>
      </div>`
    }`;
}

function Platforms({ platforms }) {
  return html`<span class="platform-list"
    >${platforms.map((p) => html`<span class="platform-chip"><${PlatformDot} code=${p.platform} />${platformName(p.platform)}</span>`)}</span
  >`;
}

export function Audience({ tags, excludeTags }) {
  if (tags.length === 0 && excludeTags.length === 0) return null;
  return html`<span class="chips inline audience-tags">
    ${tags.map((t) => html`<span class="tag-chip" title="Tag">${t}</span>`)}
    ${excludeTags.map((t) => html`<span class="tag-chip tag-chip-exclude" title="Exclusion tag"><span class="visually-hidden">except </span>−${t}</span>`)}
  </span>`;
}

export function Counts({ counts, compact }) {
  const cells = [
    ['recipients', 'Recipients'],
    ['sent', 'Sent'],
    ['failed', 'Failed'],
    ['held', 'Held'],
    ['cancelled', 'Cancelled'],
    ['unknown', 'Unknown'],
  ];
  return html`<dl class=${`counts ${compact ? 'counts-compact' : ''}`}>
    ${cells.map(
      ([key, label]) =>
        html`<div class=${`count count-${key} ${counts[key] ? '' : 'zero'}`} data-count=${key}>
          <dt>${label}</dt>
          <dd>${formatNumber(counts[key] ?? 0)}</dd>
        </div>`,
    )}
  </dl>`;
}

function HistoryRow({ item, bot, section, secondsLeft, onDelete, onStop }) {
  const detail = `/bots/${bot.id}/history/${item.id}${item.runId && section === 'completed' ? `?run=${item.runId}` : ''}`;
  const c = item.counts;
  const done = c.sent + c.failed + c.cancelled + c.unknown;
  const delivering = section === 'active' && item.graceSecondsLeft === null;
  const tz = bot.timeZone;
  let when;
  if (section === 'active') {
    when =
      item.graceSecondsLeft !== null
        ? html`<div class="countdown" role="timer" aria-label="Starts in">
              <${Icon}
                name="clock"
                size=${14}
              />${secondsLeft > 0 ? html`Starts in <strong>${formatDuration(secondsLeft)}</strong>` : 'Starting…'}
            </div>
            <div class="muted small">Created ${formatDateTime(item.createdAt, tz)}</div>`
        : html`<div><${Badge} tone="info">Delivering</${Badge}></div><div class="muted small">Started ${formatDateTime(item.startedAt, tz)}</div>`;
  } else if (section === 'scheduled') {
    when = html`<div class="strong">${formatDateTime(item.nextRunAt, tz)}</div>
      <div class="muted small">Created ${formatDateTime(item.createdAt, tz)}</div>`;
  } else if (section === 'periodic') {
    when = html`<div>${describeRecurrence(item.timing?.recurrence)}</div>
      <div class="small">Next run <strong>${formatDateTime(item.nextRunAt, tz)}</strong></div>`;
  } else {
    when = html`<div class="small">Started ${formatDateTime(item.startedAt, tz)}</div>
      <div class="small">Finished ${formatDateTime(item.finishedAt, tz)}</div>
      <div class="muted small">Created ${formatDateTime(item.createdAt, tz)}</div>`;
  }
  return html`<tr data-send=${item.id} data-run=${item.runId ?? ''}>
    <td class="nowrap">
      <a href=${detail} class="strong send-id">#${item.id}</a>
      <div><${Badge} tone=${item.kind === 'broadcast' ? 'neutral' : 'info'}>${kindLabel(item.kind)}</${Badge}></div>
      ${section === 'completed' && item.state === 'stopped' && html`<div><${Badge} tone="warn">Stopped</${Badge}></div>`}
    </td>
    <td class="history-message">
      <div class="clamp">${item.contentSummary || html`<span class="muted">(no text)</span>`}</div>
      <div class="history-meta"><${Platforms} platforms=${item.platforms} /><${Audience} tags=${item.tags} excludeTags=${item.excludeTags} />
        ${item.endOpenChats && html`<span class="muted small">ends open chats</span>`}</div>
    </td>
    <td class="history-when">${when}</td>
    <td class="history-counts">
      ${
        section === 'scheduled' || section === 'periodic' || item.graceSecondsLeft !== null
          ? html`<span class="muted small"
              >${section === 'periodic' && c.recipients > 0 ? `Delivering: ${formatNumber(done)} of ${formatNumber(c.recipients)}` : section === 'active' ? 'Counted when it starts' : 'Counted when it runs'}</span
            >`
          : html`${delivering && c.recipients > 0 && html`<${ProgressBar} value=${done} max=${c.recipients} label=${`Send ${item.id} progress`} />`}<${Counts}
                counts=${c}
                compact
              />`
      }
    </td>
    <td class="actions-col">
      <div class="row-actions row-actions-stack">
        ${section === 'active' && item.graceSecondsLeft !== null && html`<${Button} size="sm" variant="danger-ghost" icon="trash" onClick=${onDelete} aria-label=${`Delete send ${item.id}`}>Delete</${Button}>`}
        ${delivering && html`<${Button} size="sm" variant="danger-ghost" icon="stop" onClick=${onStop} aria-label=${`Stop send ${item.id}`}>Stop</${Button}>`}
        ${(section === 'scheduled' || section === 'periodic') && html`<${Button} size="sm" variant="danger-ghost" icon="trash" onClick=${onDelete} aria-label=${`Delete send ${item.id}`}>Delete</${Button}>`}
        ${
          section === 'completed' &&
          item.errors > 0 &&
          html`<span class="errors-count"><${Badge} tone="bad">${plural(item.errors, 'error')}</${Badge}></span>
          <a class="btn btn-sm btn-ghost view-errors" href=${`${detail}${detail.includes('?') ? '&' : '?'}errors=1`}>View errors</a>`
        }
        <a class="btn btn-sm btn-ghost" href=${detail} aria-label=${`Log of send ${item.id}`}>Log</a>
      </div>
    </td>
  </tr>`;
}
