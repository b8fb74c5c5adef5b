// When the broadcast goes out: now, at a date and time, or periodically.
import { html } from '../../lib/html.js';
import { WEEKDAY_NAMES, graceWindow } from '../../lib/format.js';
import { useApp } from '../../context.js';
import { Input, RadioGroup, Select } from '../../ui/components.js';

export function Timing({ bot, v, change, errorAt }) {
  const { me } = useApp();
  const grace = me?.settings?.graceSeconds ?? 60;
  const toggle = (list, value) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  return html` <${RadioGroup}
      legend="When to send"
      name="timing"
      value=${v.timing}
      onChange=${(x) => change('timing', x, 'timing')}
      options=${[
        {
          value: 'instant',
          label: 'Now',
          hint: grace > 0 ? `After a ${graceWindow(grace)} grace window in which you can still delete it` : 'At once',
        },
        { value: 'delayed', label: 'At a date and time', hint: `In the bot’s time zone (${bot.timeZone})` },
        { value: 'periodic', label: 'Periodic', hint: 'Every N days, on weekdays, on days of the month, or a cron expression' },
      ]}
    />
    ${
      v.timing === 'delayed' &&
      html`<div class="field-row">
        <${Input}
          label=${`Date and time (${bot.timeZone})`}
          type="datetime-local"
          value=${v.at}
          error=${errorAt('timing.at')}
          onInput=${(e) => change('at', e.currentTarget.value, 'timing.at')}
          className="field-date"
        />
      </div>`
    }
    ${
      v.timing === 'periodic' &&
      html`<div class="periodic">
        <div class="field-row">
          <${Select}
            label="Repeat"
            value=${v.recKind}
            onChange=${(e) => change('recKind', e.currentTarget.value, 'timing')}
            options=${[
              { value: 'every_n_days', label: 'Every N days' },
              { value: 'weekdays', label: 'On weekdays' },
              { value: 'month_days', label: 'On days of the month' },
              { value: 'cron', label: 'Cron expression' },
            ]}
          />
          ${
            v.recKind === 'every_n_days' &&
            html`<${Input}
              label="Every … days"
              type="number"
              min="1"
              max="365"
              value=${v.n}
              error=${errorAt('timing.recurrence.n')}
              onInput=${(e) => change('n', e.currentTarget.value, 'timing.recurrence.n')}
              className="field-narrow"
            />`
          }
          ${
            v.recKind !== 'cron' &&
            html`<${Input}
              label=${`At (${bot.timeZone})`}
              type="time"
              value=${v.time}
              error=${errorAt('timing.recurrence.time')}
              onInput=${(e) => change('time', e.currentTarget.value, 'timing.recurrence.time')}
              className="field-narrow"
            />`
          }
          ${
            v.recKind === 'cron' &&
            html`<${Input}
              label="Cron expression"
              value=${v.cron}
              error=${errorAt('timing.recurrence.expression')}
              className="grow mono-input"
              spellcheck="false"
              hint="Five fields: minute hour day-of-month month weekday, in the bot’s time zone. 0 10 * * 1 = Mondays at 10:00."
              onInput=${(e) => change('cron', e.currentTarget.value, 'timing.recurrence.expression')}
            />`
          }
        </div>
        ${
          v.recKind === 'weekdays' &&
          html`<fieldset class=${`day-picker ${errorAt('timing.recurrence.days') ? 'has-error' : ''}`}>
            <legend>Weekdays</legend>
            <div class="day-options">
              ${WEEKDAY_NAMES.map(
                (name, i) =>
                  html`<label class=${`day ${v.weekdays.includes(i + 1) ? 'on' : ''}`}>
                    <input
                      type="checkbox"
                      checked=${v.weekdays.includes(i + 1)}
                      onChange=${() => change('weekdays', toggle(v.weekdays, i + 1), 'timing.recurrence.days')}
                    />
                    <span aria-hidden="true">${name.slice(0, 3)}</span><span class="visually-hidden">${name}</span>
                  </label>`,
              )}
            </div>
            ${errorAt('timing.recurrence.days') && html`<p class="field-error">${errorAt('timing.recurrence.days')}</p>`}
          </fieldset>`
        }
        ${
          v.recKind === 'month_days' &&
          html`<fieldset class=${`day-picker ${errorAt('timing.recurrence.days') ? 'has-error' : ''}`}>
            <legend>Days of the month</legend>
            <div class="day-options month">
              ${[...Array.from({ length: 31 }, (_, i) => i + 1), 'last'].map(
                (d) =>
                  html`<label class=${`day ${v.monthDays.includes(d) ? 'on' : ''}`}>
                    <input
                      type="checkbox"
                      checked=${v.monthDays.includes(d)}
                      onChange=${() => change('monthDays', toggle(v.monthDays, d), 'timing.recurrence.days')}
                    />
                    <span>${d === 'last' ? 'Last' : d}</span>
                  </label>`,
              )}
            </div>
            <p class="hint">A day a month does not have is skipped (31 does not run in April); “Last” is the last day of every month.</p>
            ${errorAt('timing.recurrence.days') && html`<p class="field-error">${errorAt('timing.recurrence.days')}</p>`}
          </fieldset>`
        }
        <div class="field-row">
          <${Input}
            label="End date (optional)"
            type="date"
            value=${v.endDate}
            error=${errorAt('timing.recurrence.endDate')}
            className="field-date"
            hint="The last day it may run, inclusive."
            onInput=${(e) => change('endDate', e.currentTarget.value, 'timing.recurrence.endDate')}
          />
        </div>
        ${errorAt('timing.recurrence') && html`<p class="field-error">${errorAt('timing.recurrence')}</p>`}
      </div>`
    }`;
}
