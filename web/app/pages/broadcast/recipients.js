// Selected Users: people picked by hand, or a CSV file of user ids imported for one platform.
import { html, useRef, useState } from '../../lib/html.js';
import { api, query as toQuery } from '../../lib/api.js';
import { formatNumber, plural } from '../../lib/format.js';
import { platformName } from '../../platforms.js';
import { Badge, Button, RadioGroup } from '../../ui/components.js';
import { Icon } from '../../ui/icons.js';
import { SubscriberPicker, subscriberLabel } from '../../ui/pickers.js';

export function SelectedUsers({ bot, v, change, set, form, channel, errorAt }) {
  const fileInput = useRef(null);
  const [uploading, setUploading] = useState(false);
  if (!channel) {
    return html`<div class="alert alert-info" role="status">
      <p>Selected Users needs exactly one platform: choose one under Platforms.</p>
    </div>`;
  }
  const upload = async (e) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file) return;
    setUploading(true);
    change('importResult', null, 'audience.importId', 'audience');
    set('importFile', file.name);
    try {
      const result = await api.upload(
        `/api/channels/${channel.id}/selected-users/import${toQuery({ fileName: file.name })}`,
        file,
        'text/csv',
      );
      set('importResult', result);
    } catch (error) {
      form.setErrors((errs) => ({ ...errs, 'audience.importId': error.message }));
    } finally {
      setUploading(false);
    }
  };
  const importError = errorAt('audience.importId');
  return html`<div class="selected-users">
    <${RadioGroup}
      legend="How to choose them"
      name="selectedMode"
      value=${v.selectedMode}
      className="radio-inline"
      onChange=${(x) => change('selectedMode', x, 'audience')}
      options=${[
        { value: 'hand', label: 'Pick by hand' },
        { value: 'file', label: 'From a CSV file' },
      ]}
    />
    ${
      v.selectedMode === 'hand'
        ? html` <${SubscriberPicker}
              botId=${bot.id}
              platform=${channel.platform}
              label=${`Add a ${platformName(channel.platform)} user`}
              excludeIds=${v.selected.map((s) => s.id)}
              error=${errorAt('audience.subscriberIds')}
              onPick=${(s) => change('selected', [...v.selected, { id: s.id, label: subscriberLabel(s), channelId: s.channelId }], 'audience.subscriberIds')}
            />
            ${
              v.selected.length > 0 &&
              html`<div>
                <p class="small muted">${plural(v.selected.length, 'user')} selected</p>
                <ul class="chips chips-removable" aria-label="Selected users">
                  ${v.selected.map(
                    (s) =>
                      html`<li class="tag-chip">
                        ${s.label}<button
                          type="button"
                          class="chip-remove"
                          aria-label=${`Remove ${s.label}`}
                          onClick=${() =>
                            change(
                              'selected',
                              v.selected.filter((x) => x.id !== s.id),
                              'audience.subscriberIds',
                            )}
                        >
                          <${Icon} name="x" size=${12} />
                        </button>
                      </li>`,
                  )}
                </ul>
              </div>`
            }`
        : html`
      <div class=${`field file-field ${importError ? 'has-error' : ''}`}>
        <span class="field-label" id="csv-label">CSV file of user ids</span>
        <div class="inline-actions">
          <input ref=${fileInput} type="file" accept=".csv,text/csv,text/plain" class="visually-hidden" aria-labelledby="csv-label" tabindex="-1" onChange=${upload} />
          <${Button} icon="upload" busy=${uploading} onClick=${() => fileInput.current?.click()} aria-describedby="csv-hint">Select File</${Button}>
          ${v.importFile && html`<span class="muted small">${v.importFile}</span>`}
        </div>
        <p class="hint" id="csv-hint">UTF-8, the ${platformName(channel.platform)} user ids in one column (quoted or not); the first row is a title of any kind. Only people who wrote to the bot there can be imported.</p>
        ${importError && html`<p class="field-error" role="alert">${importError}</p>`}
      </div>
      ${v.importResult && !v.importResult.loading && html`<${ImportResult} result=${v.importResult} />`}`
    }
  </div>`;
}

function ImportResult({ result }) {
  const lists = [
    ['unknown', 'Unknown — never wrote to the bot here', result.unknown],
    ['blocked', 'Blocked the bot', result.blocked],
    ['malformed', 'Not a valid user id', result.malformed],
    ['duplicates', 'Duplicates', result.duplicates],
  ].filter(([, , list]) => list?.count > 0);
  return html`<div class="import-result" role="status" aria-label="Import result">
    <p class="import-matched">
      <${Icon} name=${result.matched > 0 ? 'check' : 'alert'} size=${16} />
      <span
        ><strong>${plural(result.matched, 'user')} matched</strong> of
        ${plural(result.rows, 'row')}${result.firstRow?.treatedAs === 'title' ? html` <span class="muted">(first row “${result.firstRow.value}” read as the title)</span>` : ''}</span
      >
    </p>
    ${
      lists.length > 0 &&
      html`<div class="import-problems">
        ${lists.map(
          ([key, title, list]) => html`<details class="import-problem" data-kind=${key}>
        <summary><${Badge} tone=${key === 'duplicates' ? 'neutral' : 'warn'}>${formatNumber(list.count)}</${Badge}> ${title}</summary>
        <ul>${list.sample.map((p) => html`<li><span class="mono">${p.value || '(empty)'}</span> <span class="muted small">line ${p.line}${p.reason ? ` — ${p.reason}` : ''}</span></li>`)}</ul>
        ${list.count > list.sample.length && html`<p class="muted small">and ${formatNumber(list.count - list.sample.length)} more in the report</p>`}
      </details>`,
        )}
        <a class="btn btn-sm btn-secondary" href=${result.reportUrl} download
          ><${Icon} name="download" size=${16} /><span>Download the report (CSV)</span></a
        >
      </div>`
    }
  </div>`;
}
