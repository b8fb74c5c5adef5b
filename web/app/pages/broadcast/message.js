// The broadcast's text, with buttons that insert a {{variable}} at the cursor.
import { html } from '../../lib/html.js';
import { TextArea } from '../../ui/components.js';
import { VARIABLES } from '../screens.js';

export function MessageText({ v, change, error }) {
  const insert = (name) => {
    const area = document.getElementById('broadcast-text');
    const tag = `{{${name}}}`;
    const start = area?.selectionStart ?? v.text.length;
    const end = area?.selectionEnd ?? v.text.length;
    change('text', v.text.slice(0, start) + tag + v.text.slice(end), 'content');
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };
  return html` <${TextArea}
      id="broadcast-text"
      label="Message text"
      rows="5"
      maxlength="10000"
      value=${v.text}
      error=${error}
      onInput=${(e) => change('text', e.currentTarget.value, 'content')}
      hint="Variables are filled for each subscriber: {{first_name|there}} writes “there” when the first name is unknown."
    />
    <div class="variable-bar" role="group" aria-label="Insert a variable">
      <span class="muted small">Insert:</span>
      ${VARIABLES.map((x) => html`<button type="button" class="chip-button" title=${x.about} onClick=${() => insert(x.name)}>{{${x.name}}}</button>`)}
    </div>`;
}
