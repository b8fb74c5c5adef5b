// Broadcasts → Logs (the seed's Broadcasts Logs subsection; GET /api/log-entries): the log of every
// send and run of this bot, newest first — each run of a periodic send and each trigger day is its
// own entry, a send that never ran is one too. Broadcasts / External / Trigger events checkboxes
// (none = all), "Only with errors", search by send id; filters live in the address. Each entry
// opens the log view (the send page, under logs/<id>?run=<runId>); "View errors" anywhere in the
// panel lands there filtered to errors (?errors=1).
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { formatDateTime, plural } from '../lib/format.js';
import { setQuery } from '../lib/router.js';
import { Badge, Button, EmptyState, ErrorNotice, Loading, PageHeader, useFocusTitle } from '../ui/components.js';
import { DataTable } from '../ui/lists.js';
import { KINDS, SendFilters } from './send-filters.js';
import { Counts, kindLabel, Platforms } from './history-row.js';
import { SendPage } from './send.js';

const PAGE_SIZE = 25;
const STATE = {
  not_started: ['neutral', 'Not started'],
  deleted: ['neutral', 'Deleted before it started'],
  pending: ['info', 'Starting'],
  materialising: ['info', 'Starting'],
  delivering: ['info', 'Delivering'],
  completed: ['good', 'Completed'],
  stopped: ['warn', 'Stopped'],
};

/** The log view of one send, reached from the Logs page and from every "View errors" link. */
export function LogViewPage(props) {
  return html`<${SendPage} ...${props} from="logs" />`;
}

/** The address of an entry's log (errors: View errors). */
export function logHref(botId, sendId, runId, errors = false) {
  return `/bots/${botId}/logs/${sendId}${toQuery({ run: runId ?? '', errors: errors ? '1' : '' })}`;
}

export function LogsPage({ bot, query }) {
  const kinds = (query.get('kinds') ?? '').split(',').filter((k) => KINDS.some((x) => x.key === k));
  const q = query.get('q') ?? '';
  const errors = query.get('errors') === '1';
  useFocusTitle('logs');
  return html`<div class="page">
    <${PageHeader}
      title="Logs"
      description="The log of every send and run of this bot, newest first: when it started and ended, its platforms, tags and audience, and every recipient’s error."
    />
    <${SendFilters}
      id="log-search"
      kinds=${kinds}
      q=${q}
      extra=${html`<label class="check-inline"><input type="checkbox" checked=${errors} onChange=${(e) => setQuery({ errors: e.currentTarget.checked ? '1' : '' })} />Only with errors</label>`}
    />
    <${LogList} key=${`${kinds.join(',')}|${q}|${errors}`} bot=${bot} kinds=${kinds} q=${q} errors=${errors} />
  </div>`;
}

function LogList({ bot, kinds, q, errors }) {
  const [list, setList] = useState({ items: [], nextCursor: null, loading: true, error: null, loaded: false });
  const generation = useRef(0);
  const load = async (cursor) => {
    const mine = cursor ? generation.current : ++generation.current;
    setList((l) => ({ ...l, loading: true, error: null }));
    try {
      const params = { kinds: kinds.join(','), q, errors: errors ? 'true' : '', botId: bot.id, limit: PAGE_SIZE, cursor };
      const page = await api.get(`/api/log-entries${toQuery(params)}`);
      if (mine !== generation.current) return;
      setList((l) => ({
        items: cursor ? [...l.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
        loaded: true,
      }));
    } catch (error) {
      if (mine === generation.current) setList((l) => ({ ...l, loading: false, error, loaded: true }));
    }
  };
  useEffect(() => {
    load(null);
  }, []);

  const tz = bot.timeZone;
  const searchError = list.error?.field === 'q' ? list.error : null;
  return html` ${searchError ? html`<div class="alert alert-error" role="alert"><p>${searchError.message}</p></div>` : html`<${ErrorNotice} error=${list.error} onRetry=${() => load(null)} />`}
  ${!list.loaded && html`<${Loading} />`}
  ${
    list.loaded &&
    list.items.length === 0 &&
    !list.error &&
    html`<div class="card"><${EmptyState} icon="file" title=${q ? `No log of send #${q.replace(/^#/, '')}` : errors ? 'No runs with errors' : 'No logs yet'}>
        <p>${q || errors || kinds.length > 0 ? 'Clear the search or the filters to see every log.' : 'Every send has a log from the moment it is made.'}</p>
      </${EmptyState}></div>`
  }
  ${
    list.items.length > 0 &&
    html`<div class="card card-flush">
      <${DataTable} label="Logs" className="table history-table" columns=${['Send', 'Message', 'When', 'Counts', { label: 'Log', className: 'actions-col' }]}>
            ${list.items.map((e) => {
              const [tone, label] = STATE[e.state] ?? ['neutral', e.state];
              return html`<tr key=${`${e.sendId}-${e.runId}`} data-send=${e.sendId} data-run=${e.runId ?? ''}>
                  <td class="nowrap">
                    <a href=${logHref(bot.id, e.sendId, e.runId)} class="strong send-id">#${e.sendId}</a>
                    <div><${Badge} tone=${e.kind === 'broadcast' ? 'neutral' : 'info'}>${kindLabel(e.kind)}</${Badge}></div>
                    <div><${Badge} tone=${tone}>${label}</${Badge}></div>
                    ${e.parentSendId && html`<div class="muted small">Resent from #${e.parentSendId}</div>`}
                  </td>
                  <td class="history-message">
                    <div class="clamp">${e.contentSummary || html`<span class="muted">(no text)</span>`}</div>
                    <div class="history-meta"><${Platforms} platforms=${e.platforms} /></div>
                  </td>
                  <td class="history-when">
                    ${e.runId ? html`<div class="small">Started ${formatDateTime(e.startedAt ?? e.plannedAt, tz)}</div>` : html`<div class="small">Created ${formatDateTime(e.createdAt, tz)}</div>`}
                    ${e.finishedAt && html`<div class="small">Finished ${formatDateTime(e.finishedAt, tz)}</div>`}
                    <div class="muted small">by ${e.createdByName}</div>
                  </td>
                  <td class="history-counts">${e.counts ? html`<${Counts} counts=${e.counts} compact />` : html`<span class="muted small">Never ran</span>`}</td>
                  <td class="actions-col">
                    <div class="row-actions row-actions-stack">
                      ${
                        e.errors > 0 &&
                        html`<span class="errors-count"><${Badge} tone="bad">${plural(e.errors, 'error')}</${Badge}></span>
                        <a class="btn btn-sm btn-ghost view-errors" href=${logHref(bot.id, e.sendId, e.runId, true)}>View errors</a>`
                      }
                      <a class="btn btn-sm btn-ghost" href=${logHref(bot.id, e.sendId, e.runId)} aria-label=${`Open log of send ${e.sendId}${e.runId ? `, run ${e.runId}` : ''}`}>Open log</a>
                    </div>
                  </td>
                </tr>`;
            })}
          </${DataTable}>
      <div class="table-foot">
        <span class="muted">${plural(list.items.length, 'log')}${list.nextCursor ? '' : ' — that is all'}</span>
        ${list.nextCursor && html`<${Button} busy=${list.loading} onClick=${() => load(list.nextCursor)}>Load more</${Button}>`}
      </div>
    </div>`
  }`;
}
