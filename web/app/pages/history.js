// Broadcasting history (GET /api/history): Active (grace-window countdown with Delete, progress of
// delivering sends with Stop, and apart from them the sends waiting only for operator chats),
// Scheduled, Periodic (next run), Completed (errors with View errors), Deleted and Drafts. Rows:
// history-row.js. Broadcasts / External / Trigger events checkboxes in Active and Completed (none =
// all), search by send id, "Load more" pages. Section, kinds and search live in the address.
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { useInterval, useNow } from '../lib/data.js';
import { formatDateTime, graceWindow, plural } from '../lib/format.js';
import { useApp } from '../context.js';
import { Button, EmptyState, ErrorNotice, Loading, PageHeader, TabLinks, useFocusTitle } from '../ui/components.js';
import { useConfirmedAction } from '../ui/lists.js';
import { Icon } from '../ui/icons.js';
import { DraftsList } from './drafts.js';
import { HistoryRow, waitingLabel } from './history-row.js';
import { KINDS, SendFilters } from './send-filters.js';

export { Audience, Counts, kindLabel } from './history-row.js';
export { KINDS } from './send-filters.js';

export const SECTIONS = [
  { key: 'active', label: 'Active' },
  { key: 'scheduled', label: 'Scheduled' },
  { key: 'periodic', label: 'Periodic' },
  { key: 'completed', label: 'Completed' },
  { key: 'deleted', label: 'Deleted' },
  { key: 'drafts', label: 'Drafts' },
];
const PAGE_SIZE = 25;

const EMPTY = {
  active: [
    'Nothing is being sent right now',
    (grace) =>
      `A broadcast sent with “Now” waits here for its ${grace} grace window — you can still delete it — and stays while it is delivering or waiting for operator chats.`,
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
  deleted: [
    'No deleted sends',
    'Sends deleted before they started, and periodic broadcasts deleted to stop their runs, are kept here as long as completed ones.',
  ],
};
const WITH_KINDS = ['active', 'completed', 'deleted'];

export function HistoryPage({ bot, query }) {
  const section = SECTIONS.some((s) => s.key === query.get('section')) ? query.get('section') : 'active';
  const kinds = (query.get('kinds') ?? '').split(',').filter((k) => KINDS.some((x) => x.key === k));
  const q = query.get('q') ?? '';
  useFocusTitle('history');
  const href = (key) =>
    `/bots/${bot.id}/history${toQuery({ section: key, kinds: WITH_KINDS.includes(key) ? kinds.join(',') : '', q: key === 'drafts' ? '' : q })}`;
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

function HistoryList({ bot, section, kinds, q }) {
  const { toast, me } = useApp();
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
    const periodic = item.timing?.type === 'periodic';
    const what = periodic ? 'No further runs happen; finished runs stay in Completed as they are.' : 'Nothing of it is sent.';
    // A periodic broadcast with a run delivering now: that run goes on or stops — the user says which.
    const running = periodic && item.startedAt !== null;
    const choices = running && [
      { value: 'continue', label: 'Let the current run finish', hint: 'It goes on sending and stays in Active until it is done.' },
      { value: 'stop', label: 'Stop the current run now', hint: 'What it has not sent yet is cancelled.' },
    ];
    return confirmed(
      { title: `Delete send #${item.id}?`, message: what, confirmLabel: 'Delete', choices, choiceLegend: 'A run of it is delivering now' },
      async (choice) => {
        const result = await api.del(`/api/sends/${item.id}${running ? toQuery({ running: choice }) : ''}`);
        toast(
          result.continuingRuns > 0
            ? `Send #${item.id} deleted — its current run goes on in Active`
            : `Send #${item.id} deleted${result.stoppedRuns > 0 ? ', its current run stopped' : ''}`,
        );
        load(null);
      },
      () => load(null),
    );
  };
  const holds = (item) =>
    confirmed(
      {
        title: `${waitingLabel(item.counts.held)} — send #${item.id}`,
        message: `Everyone else is done. ${plural(item.counts.held, 'recipient is', 'recipients are')} held because an operator is chatting with them.`,
        confirmLabel: 'Apply',
        danger: false,
        choiceLegend: 'What happens to them',
        choices: [
          {
            value: 'leave',
            label: 'Leave them',
            hint: `Each gets it when their chat closes; a chat still open at ${formatDateTime(item.holdsExpireAt, bot.timeZone)} or later counts as failed.`,
          },
          { value: 'release', label: 'Release them now', hint: 'They get it now, although their operator chat is open.' },
          { value: 'cancel', label: 'Cancel them', hint: 'They do not get it; the send completes.' },
        ],
      },
      async (choice) => {
        if (choice === 'leave') return;
        const result = await api.post(`/api/sends/${item.id}/holds/${choice}`);
        toast(`${plural(result.deliveries, 'held recipient')} ${choice === 'release' ? 'released' : 'cancelled'}`);
        load(null);
      },
      () => load(null),
    );
  // Pause and resume are undone with one click: no question asked.
  const pauseOrResume = async (item, action) => {
    try {
      await api.post(`/api/sends/${item.id}/${action}`);
      toast(action === 'pause' ? `Send #${item.id} paused: nothing new is sent until you resume it` : `Send #${item.id} resumed`);
    } catch (error) {
      toast(error.message, 'bad');
    }
    load(null);
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
  const [emptyTitle, emptyTextOf] = EMPTY[section];
  const emptyText = typeof emptyTextOf === 'function' ? emptyTextOf(graceWindow(me.settings?.graceSeconds ?? 60)) : emptyTextOf;
  // Active: sends waiting only for operator chats are listed apart, after the ones delivering.
  const waiting = section === 'active' ? list.items.filter((i) => i.phase === 'waiting_for_chats') : [];
  const rows = [...list.items.filter((i) => !waiting.includes(i)), ...waiting];
  return html` <${SendFilters} id="send-search" kinds=${kinds} q=${q} withKinds=${WITH_KINDS.includes(section)} />
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
                  ${section === 'deleted' ? 'Deleted' : section === 'completed' ? 'Started / finished' : section === 'periodic' ? 'Schedule' : section === 'scheduled' ? 'Scheduled for' : 'Time'}
                </th>
                <th scope="col">Counts</th>
                <th scope="col" class="actions-col">Actions</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (item) =>
                  html`${
                      item === waiting[0] &&
                      html`<tr class="history-group-row">
                        <th scope="rowgroup" colspan="5">Waiting for operator chats — nothing else left to send</th>
                      </tr>`
                    }<${HistoryRow}
                      key=${`${item.id}-${item.runId}`}
                      item=${item}
                      bot=${bot}
                      section=${section}
                      secondsLeft=${item.graceSecondsLeft === null ? null : Math.max(0, item.graceSecondsLeft - Math.floor((now - list.fetchedAt) / 1000))}
                      onDelete=${() => remove(item)}
                      onStop=${() => stop(item)}
                      onPause=${(action) => pauseOrResume(item, action)}
                      onHolds=${() => holds(item)}
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
