// The delivery rate of a send over time, from GET /api/sends/:id/rate-series (10-second buckets of
// sent and failed), drawn with uPlot (loaded on first use, from node_modules through the import
// map). Times on the axis are in the bot's time zone. The run's pauses (a platform's 429, a person's
// or the circuit breaker's), resumes and holds are marked on the time axis, and listed in words.
// Beside the chart: a one-line summary and the numbers as a table, for screen readers and for people
// who want them.
import { html, useEffect, useRef, useState } from '../lib/html.js';
import { formatClock, formatNumber } from '../lib/format.js';

let uPlotModule = null;
function loadUPlot() {
  uPlotModule ??= import('uplot').then((m) => m.default);
  return uPlotModule;
}

/** Buckets → [xs, sent/s, failed/s], with empty buckets as zeros and one zero bucket either side. */
export function seriesOf(points, bucketSeconds) {
  const byTime = new Map(points.map((p) => [Math.round(Date.parse(p.at) / 1000), p]));
  const times = [...byTime.keys()].sort((a, b) => a - b);
  if (times.length === 0) return [[], [], []];
  const first = times[0] - bucketSeconds;
  const last = times[times.length - 1] + bucketSeconds;
  const xs = [];
  if ((last - first) / bucketSeconds <= 5000) for (let t = first; t <= last; t += bucketSeconds) xs.push(t);
  else xs.push(...times);
  const rate = (t, key) => Math.round(((byTime.get(t)?.[key] ?? 0) / bucketSeconds) * 10) / 10;
  return [xs, xs.map((t) => rate(t, 'sent')), xs.map((t) => rate(t, 'failed'))];
}

const MARKS = {
  paused: { label: '429', colour: '#b54708', words: 'the platform asked to slow down' },
  run_paused: { label: 'paused', colour: '#667085', words: 'paused' },
  run_resumed: { label: 'resumed', colour: '#027a48', words: 'resumed' },
  held: { label: 'held', colour: '#7a2e0e', words: 'recipients held for operator chats' },
};

/** The log events marked on the chart's time axis: [{ t (seconds), label, colour, words }]. */
export function marksOf(events) {
  return events.filter((e) => MARKS[e.type]).map((e) => ({ t: Date.parse(e.at) / 1000, at: e.at, ...MARKS[e.type] }));
}

/** A uPlot plugin drawing each mark as a dashed vertical line with its label at the top. */
function markPlugin(marksRef) {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx, bbox } = u;
          ctx.save();
          ctx.setLineDash([4, 3]);
          ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
          for (const m of marksRef.current) {
            const x = Math.round(u.valToPos(m.t, 'x', true));
            if (x < bbox.left || x > bbox.left + bbox.width) continue;
            ctx.strokeStyle = m.colour;
            ctx.fillStyle = m.colour;
            ctx.beginPath();
            ctx.moveTo(x, bbox.top);
            ctx.lineTo(x, bbox.top + bbox.height);
            ctx.stroke();
            ctx.fillText(m.label, x + 3 * devicePixelRatio, bbox.top + 11 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
}

export function RateChart({ points, bucketSeconds = 10, timeZone, events = [] }) {
  const box = useRef(null);
  const plot = useRef(null);
  const [failed, setFailed] = useState(null);
  const data = seriesOf(points, bucketSeconds);
  const marks = marksOf(events);
  const marksRef = useRef(marks);
  marksRef.current = marks;

  useEffect(() => {
    let disposed = false;
    let observer = null;
    loadUPlot().then(
      (uPlot) => {
        if (disposed || !box.current) return;
        const stepped = uPlot.paths.stepped({ align: 1 });
        const width = Math.max(280, box.current.clientWidth);
        plot.current = new uPlot(
          {
            width,
            height: 240,
            tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
            scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] } },
            series: [
              { value: (_u, v) => (v == null ? '—' : formatClock(v * 1000, timeZone)) },
              {
                label: 'Sent / s',
                stroke: '#4f46e5',
                fill: 'rgba(79, 70, 229, 0.14)',
                width: 2,
                paths: stepped,
                points: { show: false },
                value: (_u, v) => (v == null ? '—' : String(v)),
              },
              {
                label: 'Failed / s',
                stroke: '#b42318',
                fill: 'rgba(180, 35, 24, 0.10)',
                width: 2,
                paths: stepped,
                points: { show: false },
                value: (_u, v) => (v == null ? '—' : String(v)),
              },
            ],
            axes: [
              { stroke: '#667085', grid: { stroke: '#eef0f3' }, ticks: { stroke: '#e4e7ec' } },
              {
                stroke: '#667085',
                grid: { stroke: '#eef0f3' },
                ticks: { stroke: '#e4e7ec' },
                label: 'messages / second',
                labelSize: 18,
                size: 52,
              },
            ],
            cursor: { drag: { x: false, y: false } },
            plugins: [markPlugin(marksRef)],
          },
          seriesOf(points, bucketSeconds),
          box.current,
        );
        observer = new ResizeObserver(() => {
          if (plot.current && box.current) plot.current.setSize({ width: Math.max(280, box.current.clientWidth), height: 240 });
        });
        observer.observe(box.current);
      },
      (error) => setFailed(error),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [timeZone]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [JSON.stringify(points)]);
  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [JSON.stringify(marks)]);

  const peak = points.reduce((best, p) => (p.sent > (best?.sent ?? -1) ? p : best), null);
  const totalSent = points.reduce((a, p) => a + p.sent, 0);
  const totalFailed = points.reduce((a, p) => a + p.failed, 0);
  const summary = peak
    ? `${formatNumber(totalSent)} sent and ${formatNumber(totalFailed)} failed over ${formatNumber(points.length * bucketSeconds)} s; peak ${formatNumber(Math.round((peak.sent / bucketSeconds) * 10) / 10)} sent per second at ${formatClock(peak.at, timeZone)}.`
    : '';
  return html`<figure class="rate-chart">
    ${failed ? html`<p class="field-error">The chart could not be loaded: ${failed.message}</p>` : html`<div class="rate-chart-plot" ref=${box} role="img" aria-label=${`Delivery rate over time. ${summary}`}></div>`}
    <figcaption class="hint">
      ${summary} Each step is ${bucketSeconds} seconds; times in ${timeZone}.
      ${marks.length > 0 && html` Marked on the time axis: ${marks.map((m) => `${m.words} at ${formatClock(m.at, timeZone)}`).join('; ')}.`}
    </figcaption>
    <details class="rate-table">
      <summary>Show the numbers</summary>
      <div class="table-wrap">
        <table class="table" aria-label="Delivery rate by 10-second interval">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" class="num">Sent</th>
              <th scope="col" class="num">Failed</th>
              <th scope="col" class="num">Sent / s</th>
            </tr>
          </thead>
          <tbody>
            ${points.map(
              (p) =>
                html`<tr>
                  <td>${formatClock(p.at, timeZone)}</td>
                  <td class="num">${formatNumber(p.sent)}</td>
                  <td class="num">${formatNumber(p.failed)}</td>
                  <td class="num">${formatNumber(Math.round((p.sent / bucketSeconds) * 10) / 10)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}
