// Reach and cost under the audience preview (issue 16): per platform, why people outside its
// messaging window are left out (Messenger and Instagram: no message tag fits a broadcast any more),
// and the estimated cost where the platform bills per message (Telegram paid broadcasts, in Stars).
import { html } from '../../lib/html.js';
import { formatNumber, plural } from '../../lib/format.js';
import { platformName } from '../../platforms.js';

const CURRENCY = { XTR: ['Star', 'Stars'] };

function costText(p) {
  const c = p.reach.cost;
  const [one, many] = CURRENCY[c.currency] ?? [c.currency, c.currency];
  return `${platformName(p.platform)} paid broadcast: about ${formatNumber(c.amount)} ${c.amount === 1 ? one : many} — ${plural(c.messages, 'message')} × ${c.pricePerMessage} ${one} (Telegram’s price as of ${c.priceAsOf})`;
}

export function ReachNotes({ platforms }) {
  const withReach = (platforms ?? []).filter((p) => p.reach);
  const windows = withReach.filter((p) => p.leftOut?.count > 0 && p.reach.windowNote);
  const costs = withReach.filter((p) => p.reach.cost);
  if (windows.length === 0 && costs.length === 0) return null;
  return html`<div class="audience-reach">
    ${windows.map((p) => html`<p class="hint" data-window-note=${p.platform}><strong>${platformName(p.platform)}:</strong> ${p.reach.windowNote}</p>`)}
    ${costs.map((p) => html`<p class="audience-cost" data-cost=${p.platform}>${costText(p)}</p>`)}
  </div>`;
}
