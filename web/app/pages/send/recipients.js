// The recipients of one run of a send, each with its delivery outcome (state, error class, code,
// text), 50 at a time; "Errors only" is View errors; both export as CSV.
import { html, useEffect, useState } from '../../lib/html.js';
import { api, query as toQuery } from '../../lib/api.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { platformName } from '../../platforms.js';
import { Badge, Button, Card, ErrorNotice, Loading } from '../../ui/components.js';
import { Icon } from '../../ui/icons.js';

const STATE_TONE = {
  sent: 'good',
  failed: 'bad',
  unknown: 'warn',
  cancelled: 'neutral',
  held: 'warn',
  queued: 'neutral',
  in_flight: 'info',
  expired: 'bad',
};

export function Recipients({ bot, sendId, runId, errorsOnly, runParam, refreshKey, csv }) {
  const [list, setList] = useState({ items: [], nextCursor: null, loading: true, error: null, loaded: false });
  const load = async (cursor) => {
    setList((l) => ({ ...l, loading: true, error: null }));
    try {
      const page = await api.get(`/api/sends/${sendId}/log${toQuery({ runId, errorsOnly: errorsOnly ? 'true' : '', limit: 50, cursor })}`);
      setList((l) => ({
        items: cursor ? [...l.items, ...page.deliveries.items] : page.deliveries.items,
        nextCursor: page.deliveries.nextCursor,
        loading: false,
        error: null,
        loaded: true,
      }));
    } catch (error) {
      setList((l) => ({ ...l, loading: false, error, loaded: true }));
    }
  };
  useEffect(() => {
    if (list.items.length <= 50) load(null);
  }, [refreshKey]);
  const base = runParam ? { run: String(runParam) } : {};
  return html`<${Card} title=${errorsOnly ? 'Errors' : 'Recipients'} className="card-table"
    actions=${html` <div class="segmented" role="group" aria-label="Which recipients">
        <a class="segment" href=${`?${new URLSearchParams(base)}`} aria-current=${errorsOnly ? undefined : 'true'}>All recipients</a>
        <a class="segment" href=${`?${new URLSearchParams({ ...base, errors: '1' })}`} aria-current=${errorsOnly ? 'true' : undefined}
          >Errors only</a
        >
      </div>
      <a class="btn btn-sm btn-secondary" href=${csv(errorsOnly)} download
        ><${Icon} name="download" size=${16} /><span>Export CSV</span></a
      >`}>
    <${ErrorNotice} error=${list.error} onRetry=${() => load(null)} />
    ${!list.loaded && html`<${Loading} />`}
    ${list.loaded && list.items.length === 0 && !list.error && html`<p class="muted empty-line">${errorsOnly ? 'No errors: every recipient got it, or is still waiting.' : 'No recipients yet.'}</p>`}
    ${
      list.items.length > 0 &&
      html`<div class="table-wrap">
        <table class="table" aria-label=${errorsOnly ? 'Errors' : 'Recipients'}>
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col" class="hide-sm">Platform</th>
              <th scope="col">State</th>
              <th scope="col">Error class</th>
              <th scope="col" class="hide-sm">Code</th>
              <th scope="col">Text</th>
              <th scope="col" class="hide-sm">Time</th>
              <th scope="col" class="hide-sm">Delivered</th>
              <th scope="col" class="hide-sm">Read</th>
            </tr>
          </thead>
          <tbody>
            ${list.items.map(
              (d) => html`<tr key=${d.id} data-delivery=${d.id}>
        <td><a href=${`/bots/${bot.id}/subscribers?subscriber=${d.subscriberId}`} class="mono">${d.recipient}</a></td>
        <td class="hide-sm">${platformName(d.platform)}</td>
        <td><${Badge} tone=${STATE_TONE[d.state] ?? 'neutral'}>${d.state.replace(/_/g, ' ')}</${Badge}></td>
        <td>${d.errorClass && d.errorClass !== 'sent' ? d.errorClass.replace(/_/g, ' ') : html`<span class="muted">—</span>`}</td>
        <td class="hide-sm mono">${d.errorCode || ''}</td>
        <td class="error-text">${d.errorText || ''}</td>
        <td class="hide-sm nowrap small">${formatDateTime(d.at, bot.timeZone)}</td>
        <td class="hide-sm nowrap small" data-col="delivered">${d.deliveredAt ? formatDateTime(d.deliveredAt, bot.timeZone) : ''}</td>
        <td class="hide-sm nowrap small" data-col="read">${d.readAt ? formatDateTime(d.readAt, bot.timeZone) : ''}</td>
      </tr>`,
            )}
          </tbody>
        </table>
      </div>`
    }
    ${
      list.items.length > 0 &&
      html`<div class="table-foot">
        <span class="muted"
          >Showing ${plural(list.items.length, errorsOnly ? 'error' : 'recipient')}${list.nextCursor ? '' : ' — that is all'}</span
        >
        ${list.nextCursor && html`<${Button} busy=${list.loading} onClick=${() => load(list.nextCursor)}>Load more</${Button}>`}
      </div>`
    }
  </${Card}>`;
}
