// The audience preview beside the form: how many would get the broadcast, per platform.
import { html } from '../../lib/html.js';
import { formatNumber, plural } from '../../lib/format.js';
import { PlatformDot, platformName } from '../../platforms.js';
import { Badge, Loading } from '../../ui/components.js';
import { ReachNotes } from './reach.js';
import { templateLines } from './whatsapp-template.js';

export function AudiencePreview({ state, waiting }) {
  if (waiting) return html`<p class="hint">${waiting} to see who gets it.</p>`;
  if (state.error) return html`<p class="field-error" role="alert">${state.error.message}</p>`;
  const d = state.data;
  if (!d) return html`<${Loading} label="Counting…" />`;
  const left = [
    d.excluded.exclusionTags > 0 && `${plural(d.excluded.exclusionTags, 'subscriber')} left out by exclusion tags`,
    d.excluded.blocked > 0 && `${plural(d.excluded.blocked, 'subscriber')} blocked the bot`,
    d.excluded.optedOut > 0 && `${plural(d.excluded.optedOut, 'subscriber')} opted out of broadcasts`,
    d.excluded.frequencyCapped > 0 && `${plural(d.excluded.frequencyCapped, 'subscriber')} reached the bot's frequency cap`,
    // The platform's messaging window (WhatsApp, Messenger, Instagram): left out before sending, not errors.
    ...(d.platforms ?? [])
      .filter((p) => p.leftOut?.count > 0 && p.leftOut.reason === 'outside_window')
      .map(
        (p) =>
          `${plural(p.leftOut.count, 'subscriber')} on ${platformName(p.platform)} left out: no message from them in the last ${p.leftOut.hours} hours (the platform's messaging window)`,
      ),
  ].filter(Boolean);
  // A WhatsApp template: who gets the message, who the template, who is left out (whatsapp-template.js).
  const templated = templateLines(d.platforms);
  return html`<div class=${`audience ${state.loading ? 'is-loading' : ''}`} aria-live="polite">
    <p class="audience-total">
      <strong data-recipients=${d.recipients}>${formatNumber(d.recipients)}</strong> ${d.recipients === 1 ? 'recipient' : 'recipients'}
    </p>
    ${
      d.platforms.length > 1 &&
      html`<ul class="audience-platforms">
        ${d.platforms.map((p) => html`<li><${PlatformDot} code=${p.platform} />${platformName(p.platform)}<span class="num">${formatNumber(p.recipients)}</span></li>`)}
      </ul>`
    }
    ${
      templated.length > 0 &&
      html`<ul class="audience-template" data-testid="audience-template">
        ${templated.map((x) => html`<li>${x}</li>`)}
      </ul>`
    }
    ${
      left.length > 0 &&
      html`<ul class="audience-left">
        ${left.map((x) => html`<li>${x}</li>`)}
      </ul>`
    }
    <${ReachNotes} platforms=${d.platforms} />
    ${
      d.openChats.count > 0 &&
      html`<p class="audience-chats"><${Badge} tone="warn">${formatNumber(d.openChats.count)}</${Badge}>
      ${d.openChats.willBe === 'closed' ? ' open operator chats will be closed, then they get it' : ' in an open operator chat: held until the chat closes'}</p>`
    }
    ${d.recipients === 0 && html`<p class="hint">Nobody would get this broadcast. Change the platforms or the recipients.</p>`}
  </div>`;
}
