// A test send: the message to one person now, without a broadcast in history.
import { html, useState } from '../../lib/html.js';
import { api } from '../../lib/api.js';
import { platformName } from '../../platforms.js';
import { Button } from '../../ui/components.js';
import { Icon } from '../../ui/icons.js';
import { SubscriberPicker, subscriberLabel } from '../../ui/pickers.js';

export function TestSend({ bot, content, platforms }) {
  const [who, setWho] = useState(null);
  const [state, setState] = useState({ busy: false, result: null, error: null });
  const run = async () => {
    if (!content || !who) return;
    setState({ busy: true, result: null, error: null });
    try {
      const result = await api.post(`/api/bots/${bot.id}/sends/test`, { content, subscriberId: who.id });
      setState({ busy: false, result, error: null });
    } catch (error) {
      setState({ busy: false, result: null, error });
    }
  };
  const r = state.result;
  return html`<div class="test-send">
    <p class="hint">Sends the message to one person now, without a broadcast in history${platforms.includes('sandbox') ? ' — a sandbox user’s inbox is on the Sandbox page' : ''}.</p>
    ${
      who
        ? html`<div class="picked">
            <span><span class="strong">${subscriberLabel(who)}</span> <span class="muted small">${platformName(who.platform)}</span></span>
            <button
              type="button"
              class="link-button"
              onClick=${() => {
                setWho(null);
                setState({ busy: false, result: null, error: null });
              }}
            >
              Change
            </button>
          </div>`
        : html`<${SubscriberPicker} botId=${bot.id} label="Test recipient" placeholder="Search a subscriber" onPick=${setWho} />`
    }
    <${Button} icon="send" busy=${state.busy} disabled=${!who || !content} onClick=${run}>Send test</${Button}>
    ${!content && html`<p class="hint">Write the text or choose a screen first.</p>`}
    ${state.error && html`<p class="field-error" role="alert">${state.error.message}</p>`}
    ${
      r &&
      html`<div class=${`test-result ${r.outcome.class === 'sent' ? 'ok' : 'bad'}`} role="status">
        ${
          r.outcome.class === 'sent'
            ? html`<p><${Icon} name="check" size=${14} /> Sent to ${subscriberLabel(who)} on ${platformName(r.platform)}.</p>`
            : html`<p><${Icon} name="alert" size=${14} /> Not sent (${r.outcome.class}): ${r.outcome.text || r.outcome.code}</p>`
        }
        ${r.missingVariables?.length > 0 && html`<p class="small">No value for ${r.missingVariables.map((m) => `{{${m}}}`).join(', ')}.</p>`}
        ${platforms.includes('sandbox') && r.platform === 'sandbox' && html`<p class="small"><a href=${`/bots/${bot.id}/sandbox`}>Open the sandbox inbox</a></p>`}
      </div>`
    }
  </div>`;
}
