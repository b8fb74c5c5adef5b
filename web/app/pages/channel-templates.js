// A WhatsApp channel's message templates (issue 16): the list WhatsApp last gave, when, and a
// button that reads it again. Outside the 24-hour window WhatsApp delivers only approved templates;
// the send form offers them (broadcast/whatsapp-template.js).
import { html, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useResource } from '../lib/data.js';
import { formatDateTime } from '../lib/format.js';
import { useApp } from '../context.js';
import { Badge, Button, ErrorNotice } from '../ui/components.js';

const STATUS_TONE = { APPROVED: 'good', PENDING: 'info', PAUSED: 'warn', REJECTED: 'bad', DISABLED: 'bad' };

/** The body text of a template (its {{1}}, {{2}} … shown as WhatsApp has them). */
export function bodyText(template) {
  return template.components.find((c) => String(c.type).toUpperCase() === 'BODY')?.text ?? '';
}

export function ChannelTemplates({ channel, bot }) {
  const list = useResource(() => api.get(`/api/channels/${channel.id}/whatsapp-templates`), [channel.id]);
  const [busy, setBusy] = useState(false);
  const { toast } = useApp();
  const refresh = async () => {
    setBusy(true);
    try {
      const fresh = await api.post(`/api/channels/${channel.id}/whatsapp-templates/refresh`, {});
      list.setData(fresh);
      toast(fresh.error ? 'WhatsApp could not be asked for the templates' : 'Templates refreshed', fresh.error ? 'bad' : undefined);
    } catch (error) {
      toast(error.message, 'bad');
    } finally {
      setBusy(false);
    }
  };
  const headingId = `templates-${channel.id}`;
  const d = list.data;
  return html`<section class="channel-templates" aria-labelledby=${headingId}>
    <div class="section-head">
      <h3 id=${headingId}>Message templates</h3>
      <${Button} size="sm" icon="refresh" busy=${busy} onClick=${refresh}>Refresh templates</${Button}>
    </div>
    <p class="hint">
      WhatsApp delivers a free-form message only within 24 hours of the person’s last message; outside that window only
      approved templates. A broadcast can carry one for them. The list is read again every day.
    </p>
    ${list.error && html`<${ErrorNotice} error=${list.error} onRetry=${list.reload} />`}
    ${d?.error && html`<div class="alert alert-error" role="alert"><p>${d.error}</p></div>`}
    ${
      d &&
      (d.templates.length === 0
        ? html`<p class="muted">
            ${d.refreshedAt ? 'WhatsApp lists no templates for this account.' : 'Not read from WhatsApp yet: refresh to see them.'}
          </p>`
        : html`<div class="table-scroll">
            <table class="table templates-table" aria-label="WhatsApp templates">
              <thead>
                <tr>
                  <th>Template</th>
                  <th>Status</th>
                  <th>Body</th>
                </tr>
              </thead>
              <tbody>
                ${d.templates.map(
                  (t) => html`<tr key=${`${t.name}:${t.language}`}>
                  <td><span class="mono">${t.name}</span><br /><span class="muted small">${t.language} · ${t.category.toLowerCase()}</span></td>
                  <td><${Badge} tone=${STATUS_TONE[t.status] ?? 'neutral'}>${t.status.toLowerCase()}</${Badge}></td>
                  <td class="small">${t.headerFormat === 'IMAGE' ? html`<span class="muted">[image] </span>` : ''}${bodyText(t)}</td>
                </tr>`,
                )}
              </tbody>
            </table>
          </div>`)
    }
    ${d?.refreshedAt && html`<p class="muted small">Read from WhatsApp ${formatDateTime(d.refreshedAt, bot.timeZone)}</p>`}
  </section>`;
}
