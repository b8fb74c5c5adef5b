// One row of the broadcasting history (history.js): the send, its message and recipients, when,
// its counts and its actions. An Active send is in its grace window (Delete), delivering (Pause, Stop),
// paused by a person (Resume, Stop), or waiting for operator chats (what to do with the held recipients); every row with errors offers
// View errors, from the moment delivery ends: the run's log in Logs, filtered to errors.
import { html } from '../lib/html.js';
import { describeRecurrence, formatDateTime, formatDuration, formatNumber, plural } from '../lib/format.js';
import { PlatformDot, platformName } from '../platforms.js';
import { Badge, Button, ProgressBar } from '../ui/components.js';
import { Icon } from '../ui/icons.js';

export function kindLabel(kind) {
  return { broadcast: 'Broadcast', external: 'External', trigger: 'Trigger event' }[kind] ?? kind;
}

/** "Waiting for 3 operator chats" — the phase of a send that has nothing left to send but held recipients. */
export function waitingLabel(held) {
  return `Waiting for ${plural(held, 'operator chat')}`;
}

export function Platforms({ platforms }) {
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

/** Delivered and read as % of sent where the platforms report them (issue 18). */
/** A run's messages sent over its time as a small line (the numbers are in its label and the send page). */
function Sparkline({ points, label }) {
  if (!points) return null;
  const max = Math.max(...points, 1);
  const w = 96;
  const h = 20;
  const step = w / (points.length - 1);
  const line = points.map((n, i) => `${(i * step).toFixed(1)},${(h - 1 - (n / max) * (h - 2)).toFixed(1)}`).join(' ');
  return html`<svg class="sparkline" width=${w} height=${h} viewBox=${`0 0 ${w} ${h}`} role="img" aria-label=${label}>
    <polyline points=${`0,${h} ${line} ${w},${h}`} class="sparkline-area" />
    <polyline points=${line} class="sparkline-line" />
  </svg>`;
}

function ReceiptRates({ receipts }) {
  if (!receipts) return null;
  const pct = (v) => (v === null ? 'not reported' : `${v} %`);
  return html`<div
    class="small muted receipt-rates"
    data-delivered=${receipts.deliveredPercent ?? ''}
    data-read=${receipts.readPercent ?? ''}
  >
    Delivered ${pct(receipts.deliveredPercent)} · read ${pct(receipts.readPercent)}
  </div>`;
}

export function HistoryRow({ item, bot, section, secondsLeft, onDelete, onStop, onHolds, onPause }) {
  const detail = `/bots/${bot.id}/history/${item.id}${item.runId && section === 'completed' ? `?run=${item.runId}` : ''}`;
  const c = item.counts;
  const done = c.sent + c.failed + c.cancelled + c.unknown;
  const waiting = item.phase === 'waiting_for_chats';
  const delivering = item.phase === 'delivering';
  const paused = item.phase === 'paused';
  const tz = bot.timeZone;
  let when;
  if (section === 'active') {
    when =
      item.phase === 'grace'
        ? html`<div class="countdown" role="timer" aria-label="Starts in">
              <${Icon}
                name="clock"
                size=${14}
              />${secondsLeft > 0 ? html`Starts in <strong>${formatDuration(secondsLeft)}</strong>` : 'Starting…'}
            </div>
            <div class="muted small">Created ${formatDateTime(item.createdAt, tz)}</div>`
        : waiting
          ? html`<div><${Badge} tone="warn">${waitingLabel(c.held)}</${Badge}></div>
              <div class="muted small">Held until their chat closes; the first hold expires ${formatDateTime(item.holdsExpireAt, tz)}</div>`
          : paused
            ? html`<div><${Badge} tone="warn">Paused</${Badge}></div>
                <div class="muted small">Nothing new is sent until it is resumed; started ${formatDateTime(item.startedAt, tz)}</div>`
            : html`<div><${Badge} tone="info">Delivering</${Badge}></div><div class="muted small">Started ${formatDateTime(item.startedAt, tz)}</div>`;
  } else if (section === 'scheduled') {
    when = html`<div class="strong">${formatDateTime(item.nextRunAt, tz)}</div>
      <div class="muted small">Created ${formatDateTime(item.createdAt, tz)}</div>`;
  } else if (section === 'periodic') {
    when = html`<div>${describeRecurrence(item.timing?.recurrence)}</div>
      <div class="small">Next run <strong>${formatDateTime(item.nextRunAt, tz)}</strong></div>`;
  } else if (section === 'deleted') {
    when = html`<div class="small">Deleted ${formatDateTime(item.deletedAt, tz)}</div>
      ${item.deletedBy && html`<div class="small">by ${item.deletedBy}</div>`}
      <div class="muted small">Created ${formatDateTime(item.createdAt, tz)}</div>`;
  } else {
    when = html`<div class="small">Started ${formatDateTime(item.startedAt, tz)}</div>
      ${
        item.openUntil
          ? html`<div class="small">Nothing left to send; later firings today join it (until ${formatDateTime(item.openUntil, tz)})</div>`
          : html`<div class="small">Finished ${formatDateTime(item.finishedAt, tz)}</div>`
      }
      <div class="muted small">Created ${formatDateTime(item.createdAt, tz)}</div>`;
  }
  const uncounted = section === 'scheduled' || (section === 'periodic' && c.recipients === 0) || item.phase === 'grace';
  return html`<tr data-send=${item.id} data-run=${item.runId ?? ''} data-phase=${item.phase ?? ''}>
    <td class="nowrap">
      <a href=${detail} class="strong send-id">#${item.id}</a>
      <div><${Badge} tone=${item.kind === 'broadcast' ? 'neutral' : 'info'}>${kindLabel(item.kind)}</${Badge}></div>
      ${section === 'completed' && item.state === 'stopped' && html`<div><${Badge} tone="warn">Stopped</${Badge}></div>`}
      ${section === 'active' && item.deletedAt && html`<div><${Badge} tone="warn">Deleted</${Badge}></div>`}
    </td>
    <td class="history-message">
      <div class="clamp">${item.contentSummary || html`<span class="muted">(no text)</span>`}</div>
      <div class="history-meta"><${Platforms} platforms=${item.platforms} /><${Audience} tags=${item.tags} excludeTags=${item.excludeTags} />
        ${item.endOpenChats && html`<span class="muted small">ends open chats</span>`}</div>
    </td>
    <td class="history-when">${when}</td>
    <td class="history-counts">
      ${
        uncounted
          ? html`<span class="muted small">${section === 'active' ? 'Counted when it starts' : 'Counted when it runs'}</span>`
          : html`${section === 'periodic' && html`<span class="muted small">Delivering: ${formatNumber(done)} of ${formatNumber(c.recipients)}</span>`}
              ${(delivering || paused) && c.recipients > 0 && html`<${ProgressBar} value=${done} max=${c.recipients} label=${`Send ${item.id} progress`} />`}<${Counts}
                counts=${c}
                compact
              />${section === 'completed' && html`<${ReceiptRates} receipts=${item.receipts} /><${Sparkline} points=${item.spark} label=${`Send ${item.id}: messages sent over the run, ${item.spark?.length ?? 0} slices from start to end`} />`}`
      }
    </td>
    <td class="actions-col">
      <div class="row-actions row-actions-stack">
        ${item.phase === 'grace' && html`<${Button} size="sm" variant="danger-ghost" icon="trash" onClick=${onDelete} aria-label=${`Delete send ${item.id}`}>Delete</${Button}>`}
        ${waiting && html`<${Button} size="sm" variant="ghost" onClick=${onHolds} aria-label=${`Held recipients of send ${item.id}`}>Held recipients…</${Button}>`}
        ${delivering && onPause && html`<${Button} size="sm" variant="ghost" icon="pause" onClick=${() => onPause('pause')} aria-label=${`Pause send ${item.id}`}>Pause</${Button}>`}
        ${paused && onPause && html`<${Button} size="sm" variant="ghost" icon="play" onClick=${() => onPause('resume')} aria-label=${`Resume send ${item.id}`}>Resume</${Button}>`}
        ${(delivering || waiting || paused) && html`<${Button} size="sm" variant="danger-ghost" icon="stop" onClick=${onStop} aria-label=${`Stop send ${item.id}`}>Stop</${Button}>`}
        ${(section === 'scheduled' || section === 'periodic') && html`<${Button} size="sm" variant="danger-ghost" icon="trash" onClick=${onDelete} aria-label=${`Delete send ${item.id}`}>Delete</${Button}>`}
        ${
          item.errors > 0 &&
          !delivering &&
          html`<span class="errors-count"><${Badge} tone="bad">${plural(item.errors, 'error')}</${Badge}></span>
          <a class="btn btn-sm btn-ghost view-errors" href=${`/bots/${bot.id}/logs/${item.id}?${item.runId ? `run=${item.runId}&` : ''}errors=1`}>View errors</a>`
        }
        <a class="btn btn-sm btn-ghost" href=${detail} aria-label=${`Log of send ${item.id}`}>Log</a>
      </div>
    </td>
  </tr>`;
}
