// Screens: named, prebuilt bot messages — text with {{variables}}, an optional image or file, URL
// and reply buttons. The list, and an editor with a preview (sample values for the variables).
import { html, useState } from '../lib/html.js';
import { api } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useResource } from '../lib/data.js';
import { formatDateTime, plural } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useApp } from '../context.js';
import {
  Button,
  EmptyState,
  ErrorNotice,
  FormErrors,
  IconButton,
  Input,
  Loading,
  PageHeader,
  Select,
  TextArea,
  useFocusTitle,
} from '../ui/components.js';
import { ResourceStatus, useConfirmedAction } from '../ui/lists.js';
import { Icon } from '../ui/icons.js';
import { PlatformPreview, useContentPreview } from '../ui/preview.js';

/**
 * Built-in variables (src/domain/content/variables.ts) with the sample values of the preview: the
 * sample person of the server's platform preview (previewContent in src/services/sends/test-send.ts),
 * so the editor's bubble and "On each platform" greet the same person.
 */
export const VARIABLES = [
  { name: 'first_name', sample: 'Alex', about: 'First name' },
  { name: 'name', sample: 'Alex Example', about: 'Full name' },
  { name: 'username', sample: 'alex', about: 'Username on the platform' },
  { name: 'language', sample: 'en', about: 'Language code' },
  { name: 'platform', sample: 'tg', about: 'Platform code' },
];
const MAX_BUTTONS = 20;

export function ScreensPage({ bot }) {
  const screens = useResource(() => api.get(`/api/bots/${bot.id}/screens`), [bot.id]);
  const { toast } = useApp();
  const confirmed = useConfirmedAction();
  useFocusTitle('screens');

  const remove = (screen) =>
    confirmed(
      {
        title: `Delete the screen “${screen.name}”?`,
        message: 'Drafts and scheduled broadcasts that use it can no longer send it.',
        confirmLabel: 'Delete screen',
      },
      async () => {
        await api.del(`/api/screens/${screen.id}`);
        toast(`Screen “${screen.name}” deleted`);
        screens.reload();
      },
    );

  return html`<div class="page">
    <${PageHeader}
      title="Screens"
      description="Prebuilt bot messages: a text with {{variables}}, an optional image or file, and buttons. Broadcasts can send a screen instead of a text."
      actions=${html`<a class="btn btn-primary" href=${`/bots/${bot.id}/screens/new`}><${Icon} name="plus" size=${16} /><span>New screen</span></a>`}
    />
    <${ResourceStatus} resource=${screens} />
    ${
      screens.data?.length === 0 &&
      html`<div class="card"><${EmptyState} icon="screen" title="No screens yet"
      action=${html`<a class="btn btn-primary" href=${`/bots/${bot.id}/screens/new`}>Create a screen</a>`}>
      <p>A screen is a message you design once and send many times: “Hi {{first_name}}, our sale starts today” with a picture and a button to the shop.</p>
    </${EmptyState}></div>`
    }
    ${
      screens.data?.length > 0 &&
      html`<div class="card card-flush">
        <div class="table-wrap">
          <table class="table" aria-label="Screens">
            <thead>
              <tr>
                <th scope="col">Screen</th>
                <th scope="col" class="hide-sm">Text</th>
                <th scope="col">Content</th>
                <th scope="col" class="hide-sm">Updated</th>
                <th scope="col" class="actions-col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              ${screens.data.map(
                (s) => html`<tr key=${s.id} data-screen=${s.name}>
        <td><a href=${`/bots/${bot.id}/screens/${s.id}`} class="strong">${s.name}</a></td>
        <td class="hide-sm"><span class="clamp">${s.text}</span></td>
        <td class="nowrap">
          ${s.media && html`<span class="meta-item"><${Icon} name=${s.media.type === 'image' ? 'image' : 'file'} size=${14} /> ${s.media.type === 'image' ? 'Image' : 'File'}</span>`}
          ${s.buttons.length > 0 && html`<span class="meta-item">${plural(s.buttons.length, 'button')}</span>`}
          ${!s.media && s.buttons.length === 0 && html`<span class="muted">Text only</span>`}
        </td>
        <td class="hide-sm nowrap">${formatDateTime(s.updatedAt, bot.timeZone)}</td>
        <td class="actions-col"><div class="row-actions">
          <a class="btn btn-ghost btn-sm" href=${`/bots/${bot.id}/screens/${s.id}`} aria-label=${`Edit ${s.name}`}>Edit</a>
          <${Button} size="sm" variant="danger-ghost" onClick=${() => remove(s)} aria-label=${`Delete ${s.name}`}>Delete</${Button}>
        </div></td>
      </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>`
    }
  </div>`;
}

export function ScreenEditorPage({ bot, params }) {
  const id = params.screenId ? Number(params.screenId) : null;
  const screen = useResource(() => (id ? api.get(`/api/screens/${id}`) : Promise.resolve(null)), [id]);
  useFocusTitle(`screen-${id}-${screen.data ? 'loaded' : 'loading'}`);
  if (id && screen.error) {
    return html`<div class="page">
      <${PageHeader} title="Edit screen" /><${ErrorNotice} error=${screen.error} onRetry=${screen.reload} />
    </div>`;
  }
  if (screen.data === undefined) return html`<div class="page"><${Loading} /></div>`;
  return html`<${ScreenEditor} key=${id ?? 'new'} bot=${bot} screen=${screen.data} />`;
}

function ScreenEditor({ bot, screen }) {
  const { toast } = useApp();
  const form = useForm({
    name: screen?.name ?? '',
    text: screen?.text ?? '',
    mediaType: screen?.media?.type ?? '',
    'media.url': screen?.media?.url ?? '',
    buttons: (screen?.buttons ?? []).map((b) => ({ kind: b.kind, text: b.text, url: b.url ?? '' })),
  });
  const v = form.values;
  const back = `/bots/${bot.id}/screens`;
  // What each platform makes of it (POST …/content/preview), the bot's own platforms first.
  const channels = useResource(() => api.get(`/api/bots/${bot.id}/channels`), [bot.id]);
  const mediaUrl = v['media.url'].trim();
  const previewContent =
    v.text.trim() || (v.mediaType && mediaUrl)
      ? {
          type: 'text',
          text: v.text,
          media: v.mediaType && mediaUrl ? { type: v.mediaType, url: mediaUrl } : null,
          buttons: v.buttons.map((b) =>
            b.kind === 'url'
              ? { kind: 'url', text: b.text.trim(), url: b.url.trim() }
              : { kind: b.kind === 'opt_out' ? 'opt_out' : 'reply', text: b.text.trim() },
          ),
        }
      : null;
  const platformPreview = useContentPreview(bot.id, previewContent);
  const connected = (channels.data ?? []).map((c) => c.platform);
  // The tabs appear once, in their final order: were they drawn before the channels arrived, the
  // re-sort would move a platform's tab from under a pointer about to click it.
  const ordered =
    !channels.data && !channels.error
      ? { ...platformPreview, data: null, loading: true }
      : platformPreview.data
        ? {
            ...platformPreview,
            data: [...platformPreview.data].sort(
              (a, b) => (connected.includes(b.platform) ? 1 : 0) - (connected.includes(a.platform) ? 1 : 0),
            ),
          }
        : platformPreview;

  const setButton = (i, patch) => {
    form.set(
      'buttons',
      v.buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)),
    );
    const key = `buttons[${i}].${Object.keys(patch)[0]}`;
    if (form.errors[key]) form.setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const moveButton = (i, delta) => {
    const next = [...v.buttons];
    const [item] = next.splice(i, 1);
    next.splice(i + delta, 0, item);
    form.set('buttons', next);
  };
  const insertVariable = (name) => {
    const area = document.getElementById('screen-text');
    const tag = `{{${name}}}`;
    const start = area?.selectionStart ?? v.text.length;
    const end = area?.selectionEnd ?? v.text.length;
    form.set('text', v.text.slice(0, start) + tag + v.text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };

  const save = (e) => {
    e.preventDefault();
    const body = {
      name: v.name.trim(),
      text: v.text,
      media: v.mediaType ? { type: v.mediaType, url: v['media.url'].trim() } : null,
      buttons: v.buttons.map((b) =>
        b.kind === 'url'
          ? { kind: 'url', text: b.text.trim(), url: b.url.trim() }
          : { kind: b.kind === 'opt_out' ? 'opt_out' : 'reply', text: b.text.trim() },
      ),
    };
    form.submit(async () => {
      const saved = screen ? await api.patch(`/api/screens/${screen.id}`, body) : await api.post(`/api/bots/${bot.id}/screens`, body);
      toast(screen ? `Screen “${saved.name}” saved` : `Screen “${saved.name}” created`);
      navigate(back);
    });
  };

  return html`<div class="page">
    <nav class="breadcrumbs" aria-label="Breadcrumbs"><a href=${back}>Screens</a> <span aria-hidden="true">/</span> <span>${screen ? screen.name : 'New screen'}</span></nav>
    <${PageHeader} title=${screen ? `Edit “${screen.name}”` : 'New screen'} />
    <div class="editor">
      <form class="card form editor-form" onSubmit=${save} novalidate aria-label="Screen">
        <${FormErrors} form=${form} />
        <${Input} label="Name" required maxlength="200" hint="For you: it is how the screen is listed and picked in a broadcast." ...${form.bind('name')} />
        <${TextArea} id="screen-text" label="Text" rows="6" maxlength="10000" ...${form.bind('text')}
          hint="Variables are filled for each subscriber. {{first_name|there}} writes “there” when the first name is unknown." />
        <div class="variable-bar" role="group" aria-label="Insert a variable">
          <span class="muted small">Insert:</span>
          ${VARIABLES.map((x) => html`<button type="button" class="chip-button" title=${x.about} onClick=${() => insertVariable(x.name)}>{{${x.name}}}</button>`)}
        </div>

        <fieldset class="fieldset">
          <legend>Image or file</legend>
          <div class="field-row">
            <${Select} label="Attachment" ...${form.bind('mediaType')}
              options=${[
                { value: '', label: 'None' },
                { value: 'image', label: 'Image' },
                { value: 'file', label: 'File' },
              ]} />
            ${
              v.mediaType &&
              html`<${Input}
                label=${v.mediaType === 'image' ? 'Image URL' : 'File URL'}
                type="url"
                placeholder="https://…"
                className="grow"
                hint="A public http(s) address the platforms can download."
                ...${form.bind('media.url')}
              />`
            }
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend>Buttons</legend>
          ${form.error('buttons') && html`<p class="field-error" role="alert">${form.error('buttons')}</p>`}
          ${v.buttons.length === 0 && html`<p class="muted">No buttons. URL buttons open a link; reply buttons send their text back to the bot; a “Not interested” button also opts the person out of broadcasts.</p>`}
          <ol class="button-list">
            ${v.buttons.map(
              (b, i) =>
                html`<li class="button-row" key=${i}>
                  <${Select}
                    label=${`Button ${i + 1} kind`}
                    value=${b.kind}
                    onChange=${(e) => setButton(i, { kind: e.currentTarget.value })}
                    options=${[
                      { value: 'url', label: 'URL button' },
                      { value: 'reply', label: 'Reply button' },
                      { value: 'opt_out', label: 'Not interested (opts out of broadcasts)' },
                    ]}
                  />
                  <${Input}
                    label=${`Button ${i + 1} text`}
                    value=${b.text}
                    maxlength="200"
                    error=${form.error(`buttons[${i}].text`)}
                    onInput=${(e) => setButton(i, { text: e.currentTarget.value })}
                  />
                  ${b.kind === 'url' && html`<${Input} label=${`Button ${i + 1} URL`} type="url" placeholder="https://…" value=${b.url} error=${form.error(`buttons[${i}].url`)} onInput=${(e) => setButton(i, { url: e.currentTarget.value })} />`}
                  <div class="button-row-actions">
                    <${IconButton} icon="up" label=${`Move button ${i + 1} up`} disabled=${i === 0} onClick=${() => moveButton(i, -1)} />
                    <${IconButton}
                      icon="down"
                      label=${`Move button ${i + 1} down`}
                      disabled=${i === v.buttons.length - 1}
                      onClick=${() => moveButton(i, 1)}
                    />
                    <${IconButton}
                      icon="x"
                      label=${`Remove button ${i + 1}`}
                      onClick=${() =>
                        form.set(
                          'buttons',
                          v.buttons.filter((_, j) => j !== i),
                        )}
                    />
                  </div>
                </li>`,
            )}
          </ol>
          <div class="inline-actions">
            <${Button} icon="plus" size="sm" disabled=${v.buttons.length >= MAX_BUTTONS} onClick=${() => form.set('buttons', [...v.buttons, { kind: 'url', text: '', url: '' }])}>Add URL button</${Button}>
            <${Button} icon="plus" size="sm" disabled=${v.buttons.length >= MAX_BUTTONS} onClick=${() => form.set('buttons', [...v.buttons, { kind: 'reply', text: '', url: '' }])}>Add reply button</${Button}>
            <${Button} icon="plus" size="sm" disabled=${v.buttons.length >= MAX_BUTTONS} onClick=${() => form.set('buttons', [...v.buttons, { kind: 'opt_out', text: 'Not interested', url: '' }])}>Add “Not interested” button</${Button}>
          </div>
        </fieldset>

        <div class="form-actions">
          <a class="btn btn-secondary" href=${back}>Cancel</a>
          <${Button} type="submit" variant="primary" busy=${form.busy}>${screen ? 'Save screen' : 'Create screen'}</${Button}>
        </div>
      </form>
      <aside class="card preview" aria-label="Preview">
        <h2>Preview</h2>
        <p class="hint">With sample values (${VARIABLES.slice(0, 2)
          .map((x) => `${x.name} = ${x.sample}`)
          .join(', ')}). Each platform shows it in its own way.</p>
        <${MessagePreview} text=${v.text} mediaType=${v.mediaType} mediaUrl=${v['media.url']} buttons=${v.buttons} />
        <section class="platform-section" aria-labelledby="on-platforms">
          <h2 id="on-platforms">On each platform</h2>
          <p class="hint">What each platform gets, and what it cannot show as designed${connected.length ? ' (this bot’s platforms first)' : ''}.</p>
          <${PlatformPreview} preview=${ordered} emptyText="Write a text (or add an image) to see it on each platform." />
        </section>
      </aside>
    </div>
  </div>`;
}

/** The text with {{variables}} filled by sample values; unknown ones are marked. */
function fillTemplate(text) {
  const samples = Object.fromEntries(VARIABLES.map((x) => [x.name, x.sample]));
  const parts = [];
  let last = 0;
  const re = /(\\?)\{\{\s*([\p{L}\p{N}_.-]+)\s*(?:\|\s*("[^"]*"|'[^']*'|[^{}]*?)\s*)?\}\}/gu;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1]) {
      parts.push(m[0].slice(1));
      continue;
    }
    const fallback = m[3] === undefined ? undefined : m[3].replace(/^(["'])(.*)\1$/, '$2');
    const value = samples[m[2]] ?? fallback;
    parts.push(
      value === undefined
        ? html`<mark class="missing" title="Filled from the event data when a send has it">${m[2]}</mark>`
        : html`<span class="filled">${value}</span>`,
    );
  }
  parts.push(text.slice(last));
  return parts;
}

function MessagePreview({ text, mediaType, mediaUrl, buttons }) {
  const url = mediaUrl?.trim();
  const [brokenUrl, setBrokenUrl] = useState(null);
  const broken = brokenUrl === url;
  return html`<div class="phone">
    <div class="bubble">
      ${
        mediaType === 'image' &&
        (url && !broken
          ? html`<img class="bubble-media" src=${url} alt="The screen's image" onError=${() => setBrokenUrl(url)} />`
          : html`<div class="bubble-media placeholder">
              <${Icon} name="image" size=${28} /><span>${url ? 'Image (not loaded here)' : 'Image'}</span>
            </div>`)
      }
      ${mediaType === 'file' && html`<div class="bubble-file"><${Icon} name="file" size=${20} /><span>${url ? url.split('/').pop() || url : 'File'}</span></div>`}
      ${text.trim() ? html`<p class="bubble-text">${fillTemplate(text)}</p>` : !mediaType && html`<p class="bubble-text muted">The text appears here.</p>`}
      ${buttons.filter((b) => b.kind === 'url').map((b) => html`<div class="bubble-button">${b.text || 'Button'} <span aria-hidden="true">↗</span></div>`)}
    </div>
    ${buttons.some((b) => b.kind !== 'url') && html`<div class="quick-replies">${buttons.filter((b) => b.kind !== 'url').map((b) => html`<span class="quick-reply">${b.text || 'Reply'}</span>`)}</div>`}
  </div>`;
}
