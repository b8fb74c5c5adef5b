// The funnel of a send: sent → delivered → read (→ clicked, when the send counts clicks) per
// platform, from delivery receipts and the click redirect; and the clicks per link button. Receipts keep
// arriving after the send completes (people read later), so it is read again every few seconds
// while the page is open. "Not reported" where the platform does not report the step (Telegram,
// VK, OK report nothing; Instagram reports reads only) — which is not the same as none.
import { html } from '../../lib/html.js';
import { api } from '../../lib/api.js';
import { useInterval, useResource } from '../../lib/data.js';
import { formatNumber } from '../../lib/format.js';
import { platformName } from '../../platforms.js';
import { Card } from '../../ui/components.js';

const REFRESH_MS = 5000;

function step(value, sent) {
  if (value === null) return html`<span class="muted">not reported</span>`;
  const pct = sent > 0 ? ` (${Math.round((value / sent) * 1000) / 10} %)` : '';
  return html`${formatNumber(value)}<span class="muted small">${pct}</span>`;
}

export function Funnel({ sendId, live }) {
  const progress = useResource(() => api.get(`/api/sends/${sendId}/progress`), [sendId]);
  useInterval(() => progress.reload(), live ? REFRESH_MS / 2 : REFRESH_MS);
  const rows = progress.data?.funnel ?? [];
  const clicks = progress.data?.clicks ?? null;
  if (rows.length === 0) return null;
  return html`<${Card} title=${clicks ? 'Delivered, read and clicked' : 'Delivered and read'} className="send-funnel">
    <table class="table funnel" aria-label=${clicks ? 'Sent, delivered, read and clicked per platform' : 'Sent, delivered and read per platform'}>
      <thead><tr><th scope="col">Platform</th><th scope="col" class="num">Sent</th><th scope="col" class="num">Delivered</th><th scope="col" class="num">Read</th>${clicks && html`<th scope="col" class="num">Clicked</th>`}</tr></thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr key=${r.platform} data-platform=${r.platform}>
              <th scope="row">${platformName(r.platform)}</th>
              <td class="num" data-step="sent">${formatNumber(r.sent)}</td>
              <td class="num" data-step="delivered">${step(r.delivered, r.sent)}</td>
              <td class="num" data-step="read">${step(r.read, r.sent)}</td>
              ${clicks && html`<td class="num" data-step="clicked">${step(r.clicked, r.sent)}</td>`}
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="small muted">As the platforms report them (receipts can arrive long after sending; a person may turn read receipts off).</p>
    ${clicks && html`<${ButtonClicks} clicks=${clicks} />`}
  </${Card}>`;
}

/** Unique and total clicks per tracked link button. */
function ButtonClicks({ clicks }) {
  if (clicks.length === 0) return html`<p class="small muted">The message has no link button whose clicks can be counted.</p>`;
  return html`<table class="table button-clicks" aria-label="Clicks per link button">
    <thead>
      <tr>
        <th scope="col">Button</th>
        <th scope="col" class="num">People</th>
        <th scope="col" class="num">Clicks</th>
      </tr>
    </thead>
    <tbody>
      ${clicks.map(
        (c) =>
          html`<tr key=${c.button} data-button=${c.button}>
            <th scope="row">${c.text} <span class="muted small">${c.url}</span></th>
            <td class="num" data-count="unique">${formatNumber(c.unique)}</td>
            <td class="num" data-count="total">${formatNumber(c.total)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
