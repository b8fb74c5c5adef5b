// The content of an event (a text or a screen): its summary in the lists, its fields in the
// dialogs, and the API body made from those fields and back.
import { html } from '../../lib/html.js';
import { Badge, RadioGroup, Select, TextArea } from '../../ui/components.js';

export function contentSummary(content, screens) {
  if (!content) return '—';
  if (content.type === 'screen') {
    const screen = screens.find((s) => s.id === content.screenId);
    return html`<${Badge} tone="info">Screen</${Badge}> ${screen ? screen.name : `#${content.screenId}`}`;
  }
  return html`<span class="clamp">${content.text}</span>`;
}

/** Type of the sent data (Text | Screen) with the text or the screen, for the event dialogs. */
export function ContentFields({ form, screens, bot, hint = '{{variables}} are filled for each subscriber.' }) {
  const v = form.values;
  const errorAt = (prefix) => {
    const key = Object.keys(form.errors).find((k) => form.errors[k] && (k === prefix || k.startsWith(prefix + '.')));
    return form.error(key ?? prefix);
  };
  return html` <${RadioGroup}
      legend="Type of the sent data"
      name="eventContentType"
      value=${v.contentType}
      className="radio-inline"
      onChange=${(x) => form.set('contentType', x)}
      options=${[
        { value: 'text', label: 'Text' },
        { value: 'screen', label: 'Screen' },
      ]}
    />
    ${
      v.contentType === 'text'
        ? html`<${TextArea}
            label="Message text"
            rows="4"
            maxlength="10000"
            value=${v.text}
            error=${errorAt('content.text') || errorAt('content')}
            onInput=${(e) => form.set('text', e.currentTarget.value)}
            hint=${hint}
          />`
        : html`<${Select}
            label="Screen to send"
            value=${v.screenId}
            error=${errorAt('content.screenId')}
            onChange=${(e) => form.set('screenId', e.currentTarget.value)}
            options=${[{ value: '', label: screens.length ? 'Choose a screen' : 'No screens yet' }, ...screens.map((s) => ({ value: String(s.id), label: s.name }))]}
            hint=${html`<a href=${`/bots/${bot.id}/screens/new`}>Create a screen</a>`}
          />`
    }`;
}

export function contentOf(v) {
  return v.contentType === 'screen' ? { type: 'screen', screenId: Number(v.screenId) || 0 } : { type: 'text', text: v.text };
}

export function contentValues(content) {
  return content?.type === 'screen'
    ? { contentType: 'screen', text: '', screenId: String(content.screenId) }
    : { contentType: 'text', text: content?.text ?? '', screenId: '' };
}
