// Import subscribers from a CSV file (POST /api/bots/{botId}/subscribers/import): the platform the
// people wrote on, the file, and the report — or, since the import is all or nothing, the bad lines.
import { html, useRef, useState } from '../../lib/html.js';
import { api, query as toQuery } from '../../lib/api.js';
import { useResource } from '../../lib/data.js';
import { formatNumber, plural } from '../../lib/format.js';
import { platformName } from '../../platforms.js';
import { Button, Modal, Select } from '../../ui/components.js';

const COLUMNS = [
  ['platform_user_id', 'required: the person’s id on the platform'],
  ['name', 'display name'],
  ['username', 'without the @'],
  ['language', 'a code like en or pt-BR'],
  ['tags', 'separated by | (created when missing)'],
];

// One string: htm drops the spaces at the line breaks of a template.
const summaryOf = (r) =>
  `, ${formatNumber(r.updated)} already known, ${plural(r.tagged, 'tag')} assigned — ${plural(r.rows, 'row')} read` +
  `${r.fileName ? ` from ${r.fileName}` : ''}.`;

export function ImportSubscribersDialog({ bot, onClose, onImported }) {
  const channels = useResource(() => api.get(`/api/bots/${bot.id}/channels`), [bot.id]);
  const platforms = [...new Set((channels.data ?? []).map((c) => c.platform))];
  const [platform, setPlatform] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState(null);
  const fileInput = useRef(null);
  const chosen = platform || platforms[0] || '';

  const upload = async (e) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file || !chosen) return;
    setBusy(true);
    setOutcome(null);
    try {
      const report = await api.upload(
        `/api/bots/${bot.id}/subscribers/import${toQuery({ platform: chosen, fileName: file.name })}`,
        file,
        'text/csv',
      );
      setOutcome({ report });
      onImported(report);
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };

  const report = outcome?.report;
  const error = outcome?.error;
  const badLines = Array.isArray(error?.details?.errors) ? error.details.errors : [];
  return html`<${Modal}
    title="Import subscribers"
    onClose=${onClose}
    footer=${html`<${Button} onClick=${onClose}>${report ? 'Done' : 'Cancel'}</${Button}>`}
  >
    <p>People who already wrote to the bot elsewhere, from a CSV file (UTF-8) whose first row names the columns:</p>
    <ul class="small import-columns">
      ${COLUMNS.map(([name, what]) => html`<li><code>${name}</code> — ${what}</li>`)}
    </ul>
    <p class="small muted">
      People already known keep their profile and gain the tags of their row. One bad row refuses the whole file: nothing is
      imported until every line is right.
    </p>
    ${
      channels.data && platforms.length === 0
        ? html`<div class="alert alert-info" role="status"><p>Connect a channel first: subscribers belong to a platform.</p></div>`
        : html`<${Select}
            label="Platform they wrote on"
            value=${chosen}
            onChange=${(e) => setPlatform(e.currentTarget.value)}
            options=${platforms.map((p) => ({ value: p, label: platformName(p) }))}
          />
          <input
            ref=${fileInput}
            type="file"
            accept=".csv,text/csv,text/plain"
            class="visually-hidden"
            tabindex="-1"
            aria-label="CSV file of subscribers"
            data-testid="import-file"
            disabled=${!chosen}
            onChange=${upload}
          />
          <${Button} variant="primary" icon="upload" busy=${busy} disabled=${!chosen} onClick=${() => fileInput.current?.click()}>
            ${busy ? 'Importing…' : 'Choose a CSV file'}
          </${Button}>`
    }
    <div aria-live="polite" class="import-outcome">
      ${
        report &&
        html`<div class="alert alert-info" role="status" data-testid="import-report">
          <p><strong>${plural(report.created, 'new subscriber')}</strong>${summaryOf(report)}</p>
        </div>`
      }
      ${
        error &&
        html`<div class="alert alert-error" role="alert" data-testid="import-error">
          <p>${error.message}</p>
          ${
            badLines.length > 1 &&
            html`<ul class="small">
              ${badLines.map((b) => html`<li>line ${b.line}: ${b.reason}</li>`)}
            </ul>`
          }
        </div>`
      }
    </div>
  </${Modal}>`;
}
