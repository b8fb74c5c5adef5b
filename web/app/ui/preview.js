// How a message looks on each platform, from POST /api/bots/:botId/content/preview: the API
// answers with each platform's own request bodies (`calls`) and what degraded there. This file reads
// those bodies back into bubbles (text, media, buttons, quick replies) — one bubble per call, in
// order — and lists the degradations, so people see exactly what each platform will get.
import { html, useEffect, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useDebounced } from '../lib/data.js';
import { platformName } from '../platforms.js';
import { Icon } from './icons.js';

const str = (v) => (typeof v === 'string' ? v : '');
const flat = (rows) => (Array.isArray(rows) ? rows.flat() : []);

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * One platform call → { text, media: {type, url} | null, buttons: [{ text, url? }] (on the
 * message), replies: [text] (a keyboard or quick replies under it) } — or null when unknown.
 */
export function readCall(platform, call) {
  const b = call?.body ?? {};
  const message = { text: '', media: null, buttons: [], replies: [] };
  switch (platform) {
    case 'sandbox':
      message.text = str(b.text);
      message.media = b.media ?? null;
      for (const button of b.buttons ?? []) {
        if (button.kind === 'url') message.buttons.push({ text: button.text, url: button.url });
        else message.replies.push(button.text);
      }
      return message;
    case 'tg': {
      message.text = str(b.text) || str(b.caption);
      if (b.photo) message.media = { type: 'image', url: b.photo };
      if (b.document) message.media = { type: 'file', url: b.document };
      const markup = b.reply_markup ?? {};
      message.buttons = flat(markup.inline_keyboard).map((k) => ({ text: k.text, url: k.url }));
      message.replies = flat(markup.keyboard).map((k) => k.text);
      return message;
    }
    case 'wa': {
      if (b.type === 'text') message.text = str(b.text?.body);
      else if (b.type === 'image' || b.type === 'document') {
        const part = b[b.type] ?? {};
        message.media = { type: b.type === 'image' ? 'image' : 'file', url: part.link };
        message.text = str(part.caption);
      } else if (b.type === 'interactive') {
        const i = b.interactive ?? {};
        if (i.header?.type === 'image') message.media = { type: 'image', url: i.header.image?.link };
        if (i.header?.type === 'document') message.media = { type: 'file', url: i.header.document?.link };
        message.text = str(i.body?.text);
        if (i.type === 'button') message.buttons = (i.action?.buttons ?? []).map((x) => ({ text: x.reply?.title }));
        if (i.type === 'cta_url') message.buttons = [{ text: i.action?.parameters?.display_text, url: i.action?.parameters?.url }];
      } else return null;
      return message;
    }
    case 'viber':
      message.text = str(b.text);
      if (b.type === 'picture') message.media = { type: 'image', url: b.media };
      for (const k of b.keyboard?.Buttons ?? []) {
        if (k.ActionType === 'open-url') message.buttons.push({ text: k.Text, url: k.ActionBody });
        else message.replies.push(k.Text);
      }
      return message;
    case 'vk': {
      message.text = str(b.message);
      const keyboard = typeof b.keyboard === 'string' ? parseJson(b.keyboard) : b.keyboard;
      message.buttons = flat(keyboard?.buttons).map((k) => ({ text: k.action?.label, url: k.action?.link }));
      return message;
    }
    case 'fb':
    case 'instagram': {
      const m = b.message ?? {};
      message.text = str(m.text);
      const a = m.attachment;
      if (a?.type === 'image' || a?.type === 'file') message.media = { type: a.type, url: a.payload?.url };
      if (a?.type === 'template') {
        message.text = str(a.payload?.text);
        message.buttons = (a.payload?.buttons ?? []).map((x) => ({ text: x.title, url: x.url }));
      }
      message.replies = (m.quick_replies ?? []).map((q) => q.title);
      return message;
    }
    case 'ok': {
      const m = b.message ?? {};
      message.text = str(m.text);
      for (const a of m.attachments ?? (m.attachment ? [m.attachment] : [])) {
        if (a.type === 'IMAGE') message.media = { type: 'image', url: a.payload?.url };
        if (a.type === 'INLINE_KEYBOARD') message.buttons = flat(a.payload?.keyboard?.buttons).map((k) => ({ text: k.text, url: k.url }));
      }
      return message;
    }
    default:
      return null;
  }
}

function Media({ media }) {
  const [broken, setBroken] = useState(false);
  if (media.type === 'image') {
    return broken || !/^https?:\/\//i.test(media.url ?? '')
      ? html`<div class="bubble-media placeholder"><${Icon} name="image" size=${24} /><span>Image</span></div>`
      : html`<img class="bubble-media" src=${media.url} alt="The message's image" onError=${() => setBroken(true)} />`;
  }
  return html`<div class="bubble-file">
    <${Icon} name="file" size=${20} /><span
      >${
        String(media.url ?? '')
          .split('/')
          .pop() || 'File'
      }</span
    >
  </div>`;
}

/** The bubbles of one platform. */
export function PlatformBubbles({ platform, calls }) {
  const messages = calls.map((call) => ({ call, message: readCall(platform, call) }));
  return html`<div class="phone">
    ${messages.map(({ call, message }, i) =>
      message
        ? html`<div class="bubble-group" key=${i}>
            <div class="bubble">
              ${message.media && html`<${Media} media=${message.media} />`}
              ${message.text && html`<p class="bubble-text">${message.text}</p>`}
              ${message.buttons.map((b) => html`<div class="bubble-button">${b.text || 'Button'}${b.url ? html` <span aria-hidden="true">↗</span>` : ''}</div>`)}
            </div>
            ${message.replies.length > 0 && html`<div class="quick-replies">${message.replies.map((r) => html`<span class="quick-reply">${r}</span>`)}</div>`}
          </div>`
        : html`<pre class="code" key=${i}>
${call.method}
${JSON.stringify(call.body, null, 2)}</pre>`,
    )}
  </div>`;
}

export function Degradations({ items, platform }) {
  if (!items || items.length === 0) {
    return html`<p class="degrade-none"><${Icon} name="check" size=${14} /> Shown as designed on ${platformName(platform)}.</p>`;
  }
  return html`<ul class="degradations" aria-label=${`What changes on ${platformName(platform)}`}>
    ${items.map((d) => html`<li data-code=${d.code}><${Icon} name="alert" size=${14} /><span>${d.message}</span></li>`)}
  </ul>`;
}

/**
 * Loads the per-platform preview of `content` ({ type: 'text', text, media, buttons } or
 * { type: 'screen', screenId }) as it changes. Returns { data, error, loading } where data is the
 * API's list of { platform, displayName, calls, degradations }.
 */
export function useContentPreview(botId, content, platforms) {
  const key = useDebounced(content ? JSON.stringify({ content, platforms }) : '', 350);
  const [state, setState] = useState({ data: null, error: null, loading: false });
  useEffect(() => {
    if (!key) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.post(`/api/bots/${botId}/content/preview`, JSON.parse(key)).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [botId, key]);
  return state;
}

/**
 * Tabs of platforms, each with its bubbles and what degrades there. `preview` comes from
 * useContentPreview; `platforms` orders and limits the tabs (the codes to show).
 */
export function PlatformPreview({ preview, emptyText = 'The preview appears when there is something to send.' }) {
  const [chosen, setChosen] = useState(null);
  if (preview.error)
    return html`<p class="hint preview-error" role="status">The preview appears when the content is valid: ${preview.error.message}</p>`;
  if (!preview.data) return html`<p class="hint">${preview.loading ? 'Rendering…' : emptyText}</p>`;
  const list = preview.data;
  if (list.length === 0) return html`<p class="hint">${emptyText}</p>`;
  const current = list.find((p) => p.platform === chosen) ?? list[0];
  const degraded = list.filter((p) => p.degradations.length > 0);
  return html`<div class=${`platform-preview ${preview.loading ? 'is-loading' : ''}`}>
    ${
      list.length > 1 &&
      html`<div class="segmented" role="group" aria-label="Platform of the preview">
        ${list.map(
          (p) =>
            html`<button
              key=${p.platform}
              type="button"
              class="segment"
              aria-pressed=${p === current ? 'true' : 'false'}
              onClick=${() => setChosen(p.platform)}
            >
              ${platformName(p.platform)}${p.degradations.length > 0 && html`<span class="segment-warn" title="Something changes on this platform">!</span>`}
            </button>`,
        )}
      </div>`
    }
    <${PlatformBubbles} platform=${current.platform} calls=${current.calls} />
    <${Degradations} items=${current.degradations} platform=${current.platform} />
    ${
      list.length > 1 &&
      html`<p class="hint">
        ${
          degraded.length === 0
            ? 'Every platform shows it as designed.'
            : `Changes on ${degraded.map((p) => platformName(p.platform)).join(', ')}.`
        }
      </p>`
    }
  </div>`;
}
