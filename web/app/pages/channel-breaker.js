// The circuit breaker of a channel, on its page (issue 17 point 10): every run sending on the channel
// pauses itself when more than `percent` of its last `window` outcomes were refused (blocked,
// permanent errors, invalid recipients), and only a person resumes it. On by default (20 % of 500);
// PATCH /api/channels/{id} { circuitBreaker: { percent, window } | null }.
import { html, useEffect } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useApp } from '../context.js';
import { Button, Checkbox, FormErrors, Input } from '../ui/components.js';

// Named as the API names them, so that its errors land on the fields.
const PERCENT = 'circuitBreaker.percent';
const WINDOW = 'circuitBreaker.window';

const valuesOf = (channel) => ({
  on: channel.circuitBreaker !== null,
  [PERCENT]: String(channel.circuitBreaker?.percent ?? 20),
  [WINDOW]: String(channel.circuitBreaker?.window ?? 500),
});

/** The fields' errors in words, before a request is made; none when both are fine. */
function mistakes(percent, window) {
  const errors = {};
  if (!(percent > 0 && percent < 100)) errors[PERCENT] = 'Enter a percentage above 0 and below 100';
  if (!(Number.isInteger(window) && window >= 50 && window <= 100_000))
    errors[WINDOW] = 'Enter a whole number of outcomes from 50 to 100,000';
  return errors;
}

export function CircuitBreaker({ channel, onChanged }) {
  const { toast } = useApp();
  const form = useForm(valuesOf(channel));
  const key = JSON.stringify(channel.circuitBreaker);
  useEffect(() => form.reset(valuesOf(channel)), [key]);
  const save = (e) => {
    e.preventDefault();
    const { on } = form.values;
    const percent = Number(form.values[PERCENT]);
    const window = Number(form.values[WINDOW]);
    const errors = on ? mistakes(percent, window) : {};
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    const body = { circuitBreaker: on ? { percent, window } : null };
    form.submit(async () => {
      await api.patch(`/api/channels/${channel.id}`, body);
      toast(on ? `Circuit breaker: pauses at more than ${percent} % refused of the last ${window}` : 'Circuit breaker off');
      onChanged();
    });
  };
  const on = form.values.on;
  return html`<form class="channel-breaker" onSubmit=${save} novalidate aria-labelledby="breaker-title">
    <h3 id="breaker-title">Circuit breaker</h3>
    <${FormErrors} form=${form} />
    <${Checkbox}
      label="Pause sends on this channel when too many are refused"
      hint="Blocked bots, invalid recipients and permanent errors count. The run pauses itself, says why in its log, and waits for a person to resume it."
      ...${form.bind('on', { type: 'checkbox' })}
    />
    ${
      on &&
      html`<div class="toolbar-form">
        <${Input}
          label="Refused, more than (%)"
          type="number"
          min="1"
          max="99"
          step="any"
          inputmode="decimal"
          className="field-narrow"
          ...${form.bind(PERCENT)}
        />
        <${Input}
          label="Of the last (outcomes)"
          type="number"
          min="50"
          max="100000"
          step="1"
          inputmode="numeric"
          className="field-narrow"
          ...${form.bind(WINDOW)}
        />
      </div>`
    }
    <${Button} type="submit" size="sm" busy=${form.busy}>Save circuit breaker</${Button}>
  </form>`;
}
