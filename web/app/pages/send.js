// One send: its log as a whole (created, by whom, scheduled for, started, ended, platforms, tags,
// audience per platform, operator chats closed or held, rate-limit pauses), live progress while it
// is in its grace window or delivering (the SSE stream /api/sends/:id/progress/stream), the chart of
// its delivery rate, the log's events, and every recipient's outcome (?errors=1 is View errors),
// with CSV export. ?run=<id> picks one run of a periodic send. A finished run can be resent to a
// subset of its recipients (send/resend.js). Reached from History and from Logs (from="logs").
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { useInterval, useNow, useResource } from '../lib/data.js';
import { describeTiming, formatClock, formatDateTime, formatDuration, formatNumber, plural } from '../lib/format.js';
import { navigate, setQuery } from '../lib/router.js';
import { useApp } from '../context.js';
import { platformName } from '../platforms.js';
import { Badge, Button, Card, EmptyState, ErrorNotice, Loading, PageHeader, ProgressBar, Select, useFocusTitle } from '../ui/components.js';
import { useConfirmedAction } from '../ui/lists.js';
import { Icon } from '../ui/icons.js';
import { RateChart } from '../ui/chart.js';
import { Audience, Counts, kindLabel } from './history.js';
import { Recipients } from './send/recipients.js';
import { ResendDialog, ResendLinks, resendable } from './send/resend.js';
import { RecallDialog } from './send/recall.js';
import { Funnel } from './send/funnel.js';
import { EVENT_TONE, LIVE, STATUS } from './send/states.js';

export function SendPage({ bot, params, query, from }) {
  const id = Number(params.sendId);
  const runParam = Number(query.get('run')) || undefined;
  const errorsOnly = query.get('errors') === '1';
  const send = useResource(() => api.get(`/api/sends/${id}`), [id]);
  useFocusTitle(`send-${id}-${send.data ? 'loaded' : 'loading'}`);
  if (!Number.isInteger(id) || id <= 0 || send.error?.status === 404) {
    return html`<div class="page"><${Crumbs} bot=${bot} from=${from} id=${params.sendId} /><div class="card">
      <${EmptyState} icon="search" title=${`There is no send #${params.sendId}`} action=${html`<a class="btn btn-primary" href=${`/bots/${bot.id}/history`}>Go to the history</a>`}>
        <p>It may have been deleted by retention (3 months after it finished), or it belongs to another workspace.</p>
      </${EmptyState}></div></div>`;
  }
  if (send.error)
    return html`<div class="page">
      <${Crumbs} bot=${bot} from=${from} id=${id} /><${ErrorNotice} error=${send.error} onRetry=${send.reload} />
    </div>`;
  if (!send.data) return html`<div class="page"><${Crumbs} bot=${bot} from=${from} id=${id} /><${Loading} /></div>`;
  return html`<${SendView}
    key=${id}
    bot=${bot}
    send=${send.data}
    reloadSend=${send.reload}
    runParam=${runParam}
    errorsOnly=${errorsOnly}
    from=${from}
  />`;
}

function Crumbs({ bot, id, from }) {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs">
    <a href=${`/bots/${bot.id}/${from === 'logs' ? 'logs' : 'history'}`}>${from === 'logs' ? 'Logs' : 'History'}</a>
    <span aria-hidden="true">/</span> <span>Send #${id}</span>
  </nav>`;
}

/** "Paused by Ann at 10:02: …" for the banner of a paused send; the circuit breaker's own reason when it paused it. */
function pausedNote(run, timeZone) {
  const who = run?.pausedByName ? ` by ${run.pausedByName}` : '';
  const when = run?.pausedAt ? ` at ${formatDateTime(run.pausedAt, timeZone)}` : '';
  const what = run?.pauseReason ? `${run.pauseReason} (${formatDateTime(run.pausedAt, timeZone)})` : `Paused${who}${when}`;
  return `${what}. Nothing new is sent until a person resumes it; then it goes on where it stopped — nobody gets it twice.`;
}

function sumEvents(events, type, key) {
  return events.filter((e) => e.type === type).reduce((a, e) => a + (Number(e.data?.[key]) || 0), 0);
}

function SendView({ bot, send, reloadSend, runParam, errorsOnly, from }) {
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  const id = send.id;
  const [progress, setProgress] = useState(null);
  const [streamFailed, setStreamFailed] = useState(false);
  const [resending, setResending] = useState(false);
  const [recalling, setRecalling] = useState(false);
  const [fetchedAt, setFetchedAt] = useState(Date.now());
  const runId = runParam ?? send.runs[0]?.id;
  const log = useResource(() => api.get(`/api/sends/${id}/log${toQuery({ runId, limit: 1 })}`), [id, runId]);
  const series = useResource(
    () => (runId ? api.get(`/api/sends/${id}/rate-series${toQuery({ runId })}`) : Promise.resolve(null)),
    [id, runId],
  );
  const status = progress?.status ?? send.status;
  const live = LIVE.includes(status);
  const lastStatus = useRef(send.status);

  useEffect(() => setFetchedAt(Date.now()), [send]);

  // Live progress: one event a second from the SSE stream until the send is done.
  const onProgress = (next) => {
    setProgress(next);
    if (next.status !== lastStatus.current) {
      lastStatus.current = next.status;
      reloadSend();
    }
  };
  useEffect(() => {
    if (!LIVE.includes(send.status)) return undefined;
    if (typeof EventSource === 'undefined') {
      setStreamFailed(true);
      return undefined;
    }
    let received = false;
    const source = new EventSource(`/api/sends/${id}/progress/stream`);
    source.addEventListener('progress', (e) => {
      received = true;
      const next = JSON.parse(e.data);
      onProgress(next);
      if (next.done) source.close();
    });
    // The stream ends when the send is done; an error before any event means no stream: poll.
    source.onerror = () => {
      source.close();
      if (!received) setStreamFailed(true);
    };
    return () => source.close();
  }, [id, send.status]);
  useInterval(
    () => {
      api.get(`/api/sends/${id}/progress`).then(onProgress, () => {});
    },
    streamFailed && LIVE.includes(progress?.status ?? send.status) ? 2000 : 0,
  );

  // While delivering, the chart and the log follow.
  useInterval(
    () => {
      series.reload();
      log.reload();
    },
    status === 'delivering' ? 4000 : 0,
  );
  useEffect(() => {
    if (progress?.done) {
      series.reload();
      log.reload();
    }
  }, [progress?.done]);

  const now = useNow(1000, status === 'grace');
  const secondsLeft = send.secondsUntilStart === null ? null : Math.max(0, send.secondsUntilStart - Math.floor((now - fetchedAt) / 1000));

  // A periodic broadcast deleted while a run of it delivers: the user says whether that run goes on.
  const runningPeriodic = send.timing?.type === 'periodic' && !send.deletedAt && LIVE.includes(status) && status !== 'grace';
  const remove = () =>
    confirmed(
      {
        title: `Delete send #${id}?`,
        message:
          send.timing?.type === 'periodic'
            ? 'No further runs happen; finished runs stay in Completed as they are.'
            : 'Nothing of it is sent.',
        confirmLabel: 'Delete',
        choiceLegend: 'A run of it is delivering now',
        choices: runningPeriodic && [
          { value: 'continue', label: 'Let the current run finish', hint: 'It goes on sending and stays in Active until it is done.' },
          { value: 'stop', label: 'Stop the current run now', hint: 'What it has not sent yet is cancelled.' },
        ],
      },
      async (choice) => {
        await api.del(`/api/sends/${id}${runningPeriodic ? toQuery({ running: choice }) : ''}`);
        toast(`Send #${id} deleted`);
        navigate(`/bots/${bot.id}/history`);
      },
      () => reloadSend(),
    );
  const stop = () =>
    confirmed(
      {
        title: `Stop send #${id}?`,
        message: 'What was not sent yet is cancelled and counted as cancelled.',
        confirmLabel: 'Stop sending',
      },
      async () => {
        const result = await api.post(`/api/sends/${id}/stop`);
        toast(`Stopped: ${plural(result.cancelled, 'delivery', 'deliveries')} cancelled`);
        reloadSend();
        log.reload();
      },
    );

  // Pause and resume are undone with one click: no question asked.
  const pauseOrResume = async (action) => {
    try {
      await api.post(`/api/sends/${id}/${action}`);
      toast(action === 'pause' ? 'Paused: what is being sent finishes, nothing new is sent until you resume' : 'Resumed');
    } catch (error) {
      toast(error.message, 'bad');
    }
    reloadSend();
    log.reload();
  };

  const run = log.data?.run ?? send.runs.find((r) => r.id === runId) ?? null;
  const events = log.data?.events ?? [];
  const counts = live && progress && !runParam ? progress.counts : (run ?? send.counts);
  const done = counts.sent + counts.failed + counts.cancelled + counts.unknown;
  // Opt-outs after this run and recipients the frequency cap left out (GET /api/sends/{id}'s runs).
  const reach = send.runs.find((r) => r.id === runId) ?? null;
  const [tone, label] = STATUS[status] ?? ['neutral', status];
  const csv = (errors) => `/api/sends/${id}/log.csv${toQuery({ runId, errorsOnly: errors ? 'true' : '' })}`;
  const screen = send.content?.type === 'screen' ? send.content.screenName : null;
  const closed = sumEvents(events, 'chats_closed', 'closed');
  const held = sumEvents(events, 'held', 'held');
  const pauses = events.filter((e) => e.type === 'paused');
  const canDelete = status === 'grace' || status === 'scheduled' || status === 'periodic' || runningPeriodic;

  return html`<div class="page send-page">
    <${Crumbs} bot=${bot} from=${from} id=${id} />
    <${PageHeader} title=${html`Send #${id} <${Badge} tone=${tone}>${label}</${Badge}>`}
      description=${html`${kindLabel(send.kind)} · ${describeTiming(send.timing, bot.timeZone)}`}
      actions=${html` ${canDelete && html`<${Button} variant="danger" icon="trash" onClick=${remove}>Delete</${Button}>`}
        ${status === 'delivering' && html`<${Button} variant="secondary" icon="pause" onClick=${() => pauseOrResume('pause')}>Pause</${Button}>`}
        ${status === 'paused' && html`<${Button} variant="primary" icon="play" onClick=${() => pauseOrResume('resume')}>Resume</${Button}>`}
        ${(status === 'delivering' || status === 'paused' || status === 'waiting_for_chats') && html`<${Button} variant="danger" icon="stop" onClick=${stop}>Stop</${Button}>`}
        ${resendable(run) && html`<${Button} icon="refresh" onClick=${() => setResending(true)}>Resend to…</${Button}>`}
        ${(status === 'completed' || status === 'stopped') && counts.sent > 0 && html`<${Button} variant="danger" icon="trash" onClick=${() => setRecalling(true)}>Recall…</${Button}>`}
        <a class="btn btn-secondary" href=${csv(false)} download><${Icon} name="download" size=${16} /><span>Export log (CSV)</span></a>
        <a class="btn btn-secondary" href=${csv(true)} download
          ><${Icon} name="download" size=${16} /><span>Export errors (CSV)</span></a
        >`} />

    ${resending && html`<${ResendDialog} bot=${bot} send=${send} runId=${run.id} from=${from} onClose=${() => setResending(false)} />`}
    ${recalling && html`<${RecallDialog} send=${send} onStarted=${log.reload} onClose=${() => setRecalling(false)} />`}
    ${
      status === 'grace' &&
      html`<div class="alert alert-info grace-banner" role="status">
      <p><${Icon} name="clock" size=${16} /><span>${secondsLeft > 0 ? html`Starts in <strong class="countdown-value">${formatDuration(secondsLeft)}</strong>.` : 'Starting…'} Until then you can delete it and nothing is sent.</span></p>
      <${Button} size="sm" variant="danger" onClick=${remove}>Delete now</${Button}>
    </div>`
    }

    ${
      status === 'paused' &&
      html`<div class="alert alert-info paused-banner" role="status">
      <p><${Icon} name="pause" size=${16} /><span>${pausedNote(
        send.runs.find((r) => r.pausedAt),
        bot.timeZone,
      )}</span></p>
      <${Button} size="sm" variant="primary" icon="play" onClick=${() => pauseOrResume('resume')}>Resume</${Button}>
    </div>`
    }

    ${
      send.runs.length > 1 &&
      html`<div class="run-picker">
        <${Select}
          label="Run"
          value=${String(runId)}
          onChange=${(e) => setQuery({ run: e.currentTarget.value }, { replace: false })}
          options=${send.runs.map((r) => ({ value: String(r.id), label: `${formatDateTime(r.plannedAt, bot.timeZone)} — ${r.state}` }))}
          hint=${`A periodic send has one run per occurrence, each with its own log (${plural(send.runs.length, 'run')}).`}
        />
      </div>`
    }

    <div class="send-grid">
      <${Card} title="About this send" className="send-facts">
        <dl class="facts">
          <div><dt>Message</dt><dd>${screen ? html`<${Badge} tone="info">Screen</${Badge}> ${screen}` : ''}<p class="pre-wrap clamp-6">${send.content?.text || (screen ? '' : '—')}</p></dd></div>
          <div><dt>Created</dt><dd>${formatDateTime(send.createdAt, bot.timeZone)} by ${send.createdByName}</dd></div>
          ${
            send.deletedAt &&
            html`<div>
              <dt>Deleted</dt>
              <dd>${formatDateTime(send.deletedAt, bot.timeZone)} by ${send.deletedByName ?? 'someone (not recorded)'}</dd>
            </div>`
          }
          <${ResendLinks} bot=${bot} send=${send} from=${from} />
          <div><dt>Timing</dt><dd>${describeTiming(send.timing, bot.timeZone)}</dd></div>
          <div><dt>Scheduled for</dt><dd>${formatDateTime(run?.plannedAt ?? send.nextRunAt, bot.timeZone)}</dd></div>
          ${
            send.timing?.type === 'periodic' &&
            send.nextRunAt &&
            html`<div>
              <dt>Next run</dt>
              <dd>${formatDateTime(send.nextRunAt, bot.timeZone)}</dd>
            </div>`
          }
          <div><dt>Started</dt><dd>${formatDateTime(run?.startedAt, bot.timeZone)}</dd></div>
          <div><dt>Finished</dt><dd>${formatDateTime(run?.finishedAt, bot.timeZone)}${run?.startedAt && run?.finishedAt ? html` <span class="muted">(${formatDuration((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000)})</span>` : ''}</dd></div>
          <div><dt>Platforms</dt><dd>${send.platforms.map((p) => platformName(p.platform)).join(', ') || '—'}</dd></div>
          <div><dt>Recipients</dt><dd>${send.targeting?.audience === 'selected' ? 'Selected users' : send.targeting?.audience === 'tags' ? 'Users with selected tags' : 'All users'}
            ${' '}<${Audience} tags=${send.targeting?.includeTags ?? []} excludeTags=${send.targeting?.excludeTags ?? []} /></dd></div>
          <div><dt>Audience</dt><dd>${
            (log.data?.audience ?? []).length === 0
              ? html`<span class="muted">Counted when it starts</span>`
              : html`<ul class="plain">
                  ${log.data.audience.map((a) => html`<li>${platformName(a.platform)}: <strong>${formatNumber(a.recipients)}</strong></li>`)}
                </ul>`
          }</dd></div>
          <div><dt>Operator chats</dt><dd>${send.endOpenChats ? 'End open chats: on' : 'End open chats: off'}${closed > 0 ? ` · ${plural(closed, 'chat')} closed` : ''}${held > 0 ? ` · ${plural(held, 'recipient')} held` : ''}</dd></div>
          <div><dt>Rate-limit pauses</dt><dd>${pauses.length === 0 ? 'None' : plural(pauses.length, 'pause')}</dd></div>
        </dl>
      </${Card}>

      <${Card} title=${live ? 'Progress (live)' : 'Outcome'} className="send-progress">
        <!-- A polite live region, always there (one added with its text is not announced): screen readers read the progress when idle. -->
        <div class="progress-live" aria-live="polite">
        ${
          status === 'delivering' &&
          counts.recipients > 0 &&
          html`<${ProgressBar} value=${done} max=${counts.recipients} label="Delivery progress" />
            <p class="small muted progress-text">
              ${formatNumber(done)} of ${formatNumber(counts.recipients)}
              done${progress ? html` · <strong>${formatNumber(progress.ratePerSecond)}</strong> sent/s${progress.failedPerSecond > 0 ? `, ${formatNumber(progress.failedPerSecond)} failed/s` : ''}` : ''}
            </p>`
        }
        </div>
        <${Counts} counts=${counts} />
        ${reach && (reach.unsubscribes > 0 || reach.frequencyCapped > 0) && html`<p class="small muted run-reach">${[reach.unsubscribes > 0 && `${plural(reach.unsubscribes, 'recipient')} opted out within 24 hours after receiving it`, reach.frequencyCapped > 0 && `${plural(reach.frequencyCapped, 'recipient')} left out by the frequency cap`].filter(Boolean).join(' · ')}</p>`}
        ${counts.failed + counts.unknown > 0 && !errorsOnly && html`<p><a href=${`?${new URLSearchParams({ ...(runParam ? { run: String(runParam) } : {}), errors: '1' })}`} class="view-errors">View errors (${formatNumber(counts.failed + counts.unknown)})</a></p>`}
        ${status === 'grace' && html`<p class="hint">The recipients are counted when it starts.</p>`}
        ${(status === 'scheduled' || status === 'periodic') && !run && html`<p class="hint">Nothing sent yet: the counts appear when it runs.</p>`}
      </${Card}>
    </div>

    ${runId && html`<${Funnel} sendId=${id} live=${live} />`}

    <${Card} title="Delivery rate">
      ${
        series.data?.points?.length > 0
          ? html`<${RateChart}
              points=${series.data.points}
              bucketSeconds=${series.data.bucketSeconds}
              timeZone=${bot.timeZone}
              events=${events}
            />`
          : html`<p class="muted">${runId ? 'No deliveries yet.' : 'The chart fills in when the send starts delivering.'}</p>`
      }
    </${Card}>

    <${Card} title="Log">
      <${ErrorNotice} error=${log.error} onRetry=${log.reload} />
      ${
        events.length === 0
          ? html`<p class="muted">${runId ? 'No events yet.' : 'The log starts when the send runs.'}</p>`
          : html`<ol class="events" aria-label="Events of the run">
              ${events.map(
                (e) => html`<li key=${e.id} data-event=${e.type}>
          <time datetime=${e.at} title=${formatDateTime(e.at, bot.timeZone)}>${formatClock(e.at, bot.timeZone)}</time>
          <${Badge} tone=${EVENT_TONE[e.type] ?? 'neutral'}>${e.type.replace(/_/g, ' ')}</${Badge}>
          <span>${e.message}</span>
        </li>`,
              )}
            </ol>`
      }
    </${Card}>

    ${
      runId &&
      html`<${Recipients}
        key=${`${runId}-${errorsOnly}`}
        bot=${bot}
        sendId=${id}
        runId=${runId}
        errorsOnly=${errorsOnly}
        runParam=${runParam}
        refreshKey=${status === 'delivering' ? Math.floor(Date.now() / 8000) : progress?.done ? 'done' : ''}
        csv=${csv}
      />`
    }
  </div>`;
}
