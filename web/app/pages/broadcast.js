// Send Broadcast, in the seed's own terms: Type of the sent data (Text | Screen), platforms,
// recipients (All users | Users with selected tags, minus exclusion tags | Selected Users, picked by
// hand or with Select File), End open chats, timing (now | at a date and time | periodic). Beside
// the form, live as it changes: the audience preview (POST …/sends/preview), the message on each
// platform with what degrades there (POST …/content/preview), and a test send. Save draft keeps the
// form in Drafts; ?draft=<id> opens a draft here (Edit), and Send from it leaves the draft in place.
// The form's sections and its model live in pages/broadcast/.
import { html, useEffect, useMemo, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useDebounced, useResource } from '../lib/data.js';
import { plural } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useApp } from '../context.js';
import { PlatformDot, platformName } from '../platforms.js';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  EmptyState,
  ErrorNotice,
  FormErrors,
  Input,
  Loading,
  PageHeader,
  RadioGroup,
  Select,
  useFocusTitle,
} from '../ui/components.js';
import { TagPicker, subscriberLabel } from '../ui/pickers.js';
import { PlatformPreview, useContentPreview } from '../ui/preview.js';
import { END_OPEN_CHATS_HINT, TRACK_CLICKS_HINT, audienceOf, bodyOf, contentOf, fromDraft, problems } from './broadcast/form.js';
import { MessageText } from './broadcast/message.js';
import { SelectedUsers } from './broadcast/recipients.js';
import { Timing } from './broadcast/timing.js';
import { AudiencePreview } from './broadcast/audience.js';
import { TestSend } from './broadcast/test-send.js';
import { WhatsAppTemplate, templatePreview } from './broadcast/whatsapp-template.js';

export function BroadcastPage({ bot, query }) {
  const draftId = Number(query.get('draft')) || null;
  const channels = useResource(() => api.get(`/api/bots/${bot.id}/channels`), [bot.id]);
  const tags = useResource(() => api.get(`/api/bots/${bot.id}/tags`), [bot.id]);
  const screens = useResource(() => api.get(`/api/bots/${bot.id}/screens`), [bot.id]);
  const draft = useResource(() => (draftId ? api.get(`/api/drafts/${draftId}`) : Promise.resolve(null)), [draftId]);
  useFocusTitle(`broadcast-${draftId}-${draft.data ? 'loaded' : 'loading'}`);

  const error = channels.error || tags.error || screens.error || draft.error;
  const title = draftId ? 'Edit draft' : 'Send broadcast';
  if (error) {
    return html`<div class="page">
      <${PageHeader} title=${title} />
      <${ErrorNotice}
        error=${error}
        onRetry=${() => {
          channels.reload();
          tags.reload();
          screens.reload();
          draft.reload();
        }}
      />
    </div>`;
  }
  if (channels.data === undefined || tags.data === undefined || screens.data === undefined || draft.data === undefined) {
    return html`<div class="page"><${PageHeader} title=${title} /><${Loading} /></div>`;
  }
  if (channels.data.length === 0) {
    return html`<div class="page"><${PageHeader} title=${title} />
      <div class="card"><${EmptyState} icon="channel" title="Connect a platform first"
        action=${html`<a class="btn btn-primary" href=${`/bots/${bot.id}/channels`}>Connect a platform</a>`}>
        <p>A broadcast goes out on the bot’s platforms. Connect one — the built-in sandbox works without any account.</p>
      </${EmptyState}></div></div>`;
  }
  return html`<${SendForm}
    key=${draftId ?? 'new'}
    bot=${bot}
    channels=${channels.data}
    tags=${tags.data}
    screens=${screens.data}
    draft=${draft.data}
  />`;
}

function SendForm({ bot, channels, tags, screens, draft }) {
  const { toast, confirm } = useApp();
  const form = useForm(useMemo(() => fromDraft(draft?.form, channels), []));
  const v = form.values;
  const [draftName, setDraftName] = useState(draft?.name ?? '');
  // The form as the draft was opened: sending an edited draft asks whether the edits go into it.
  const opened = useMemo(() => JSON.stringify(bodyOf(v, { lenient: true })), []);
  const [action, setAction] = useState(null);
  const tagsInUse = tags.filter((t) => t.inUse);
  const oneChannel = v.channelIds.length === 1 ? channels.find((c) => c.id === v.channelIds[0]) : null;
  const platforms = [...new Set(channels.filter((c) => v.channelIds.includes(c.id)).map((c) => c.platform))];

  const set = (name, value) => form.set(name, value);
  /** Sets a value and forgets the API's errors about it (its nested fields too). */
  const change = (name, value, ...errorFields) => {
    form.set(name, value);
    const fields = errorFields.length ? errorFields : [name];
    if (Object.keys(form.errors).some((k) => fields.some((f) => k === f || k.startsWith(f + '.') || k.startsWith(f + '[')))) {
      form.setErrors((e) =>
        Object.fromEntries(
          Object.entries(e).filter(([k]) => !fields.some((f) => k === f || k.startsWith(f + '.') || k.startsWith(f + '['))),
        ),
      );
    }
  };
  /** The first error about this field or one inside it (timing.recurrence.days[0] → timing.recurrence.days). */
  const errorAt = (prefix) => {
    const key = Object.keys(form.errors).find(
      (k) => form.errors[k] && (k === prefix || k.startsWith(prefix + '.') || k.startsWith(prefix + '[')),
    );
    return form.error(key ?? prefix);
  };

  // A draft's picked users and file: their names and the import's result, from the API.
  useEffect(() => {
    const ids = v.selected
      .filter((s) => s.label.startsWith('Subscriber '))
      .slice(0, 200)
      .map((s) => s.id);
    if (ids.length > 0) {
      Promise.all(ids.map((id) => api.get(`/api/subscribers/${id}`).catch(() => null))).then((subs) => {
        const byId = new Map(subs.filter(Boolean).map((s) => [s.id, s]));
        form.set(
          'selected',
          v.selected.map((s) =>
            byId.has(s.id) ? { id: s.id, label: subscriberLabel(byId.get(s.id)), channelId: byId.get(s.id).channelId } : s,
          ),
        );
      });
    }
    if (v.importResult?.loading) {
      api.get(`/api/selected-user-imports/${v.importResult.importId}`).then(
        (result) => form.set('importResult', result),
        () => form.set('importResult', null),
      );
    }
  }, []);

  // Picked users and an imported file belong to one platform: another platform drops them.
  useEffect(() => {
    if (!oneChannel) return;
    if (v.selected.some((s) => s.channelId && s.channelId !== oneChannel.id))
      set(
        'selected',
        v.selected.filter((s) => !s.channelId || s.channelId === oneChannel.id),
      );
    if (v.importResult?.channelId && v.importResult.channelId !== oneChannel.id) {
      set('importResult', null);
      set('importFile', '');
    }
  }, [oneChannel?.id]);

  // The message as written so far: the content preview, and the audience preview's cost (messages per recipient).
  const previewContent = v.contentType === 'screen' ? (v.screenId ? contentOf(v) : null) : v.text.trim() ? contentOf(v) : null;
  // A WhatsApp channel chosen: the form offers its templates; unchosen, the template goes.
  const waChannel = channels.find((c) => c.platform === 'wa' && v.channelIds.includes(c.id));
  useEffect(() => {
    if (!waChannel && v.waTemplate) set('waTemplate', null);
  }, [waChannel?.id]);

  // ---------- audience preview, live ----------
  const previewProblems = problems(v, { content: false });
  delete previewProblems['timing.at'];
  delete previewProblems['timing.recurrence.days'];
  const previewBody =
    Object.keys(previewProblems).length === 0
      ? {
          channelIds: v.channelIds,
          audience: audienceOf(v),
          endOpenChats: v.endOpenChats,
          // The message and its WhatsApp template together: the template needs a message to go with.
          ...(previewContent && { content: { ...previewContent, ...templatePreview(v.waTemplate).content } }),
        }
      : null;
  const audienceKey = useDebounced(previewBody ? JSON.stringify(previewBody) : '', 300);
  const [audience, setAudience] = useState({ data: null, error: null, loading: false });
  useEffect(() => {
    if (!audienceKey) return undefined;
    let live = true;
    setAudience((s) => ({ ...s, loading: true }));
    api.post(`/api/bots/${bot.id}/sends/preview`, JSON.parse(audienceKey)).then(
      (data) => live && setAudience({ data, error: null, loading: false }),
      (error) => live && setAudience({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [audienceKey]);

  // ---------- content preview per platform ----------
  const contentPreview = useContentPreview(bot.id, previewContent, platforms.length > 0 ? platforms : undefined);

  // ---------- actions ----------
  const check = (options) => {
    const found = problems(v, options);
    if (Object.keys(found).length === 0) return true;
    form.setErrors(found);
    requestAnimationFrame(() =>
      document.querySelector('.send-main [aria-invalid="true"], .send-main .has-error input, .send-main .has-error button')?.focus(),
    );
    return false;
  };

  const send = async (e) => {
    e.preventDefault();
    if (!check()) return;
    const renamed = draft && draftName.trim() !== draft.name;
    let saveEdits = false;
    if (draft && (renamed || JSON.stringify(bodyOf(v, { lenient: true })) !== opened)) {
      const choice = await confirm({
        title: 'Save your edits into the draft?',
        message: `You changed “${draft.name || `Draft ${draft.id}`}” before sending it.`,
        confirmLabel: v.timing === 'instant' ? 'Send' : 'Schedule',
        choiceLegend: 'The draft',
        choices: [
          { value: 'save', label: 'Save the edits into the draft', hint: 'Next time it opens as you send it now.' },
          { value: 'keep', label: 'Keep the draft as it was', hint: 'The edits go into this broadcast only.' },
        ],
      });
      if (!choice) return;
      saveEdits = choice === 'save';
    }
    setAction('send');
    const body = bodyOf(v);
    const created = await form.submit(async () => {
      if (!draft) return api.post(`/api/bots/${bot.id}/sends`, body);
      const sent = await api.post(`/api/drafts/${draft.id}/send${toQuery({ saveEdits: saveEdits ? 'true' : '' })}`, body);
      if (saveEdits && renamed) await api.patch(`/api/drafts/${draft.id}`, { name: draftName });
      return sent;
    });
    setAction(null);
    if (!created) return;
    const section = created.timing?.type === 'periodic' ? 'periodic' : created.timing?.type === 'delayed' ? 'scheduled' : 'active';
    toast(
      section === 'active' ? `Broadcast #${created.id} created — it starts after the grace window` : `Broadcast #${created.id} scheduled`,
    );
    navigate(`/bots/${bot.id}/history${toQuery({ section })}`);
  };

  const saveDraft = async () => {
    setAction('draft');
    const body = bodyOf(v, { lenient: true });
    // A name left empty: the API names it from the start of the text (cut at a word); a screen by its name.
    const screen = screens.find((s) => String(s.id) === v.screenId);
    const name = draftName.trim() || (v.contentType === 'screen' ? (screen ? `Screen “${screen.name}”` : 'Screen') : '');
    const saved = await form.submit(() =>
      draft ? api.patch(`/api/drafts/${draft.id}`, { name, form: body }) : api.post(`/api/bots/${bot.id}/drafts`, { name, form: body }),
    );
    setAction(null);
    if (!saved) return;
    toast(draft ? 'Draft saved' : 'Draft saved — find it in Drafts');
    navigate(`/bots/${bot.id}/drafts`);
  };

  return html`<div class="page">
    ${draft && html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href=${`/bots/${bot.id}/drafts`}>Drafts</a> <span aria-hidden="true">/</span> <span>${draft.name || `Draft ${draft.id}`}</span></nav>`}
    <${PageHeader} title=${draft ? `Edit draft “${draft.name || draft.id}”` : 'Send broadcast'}
      description=${draft ? 'Change what you need, then Send. The draft stays in Drafts for reuse.' : 'One message — a text or a screen — to everyone, to tags or to chosen people on the bot’s platforms: now, later or on a schedule.'} />
    <form class="send-layout" onSubmit=${send} novalidate aria-label="Send broadcast">
      <div class="send-main stack">
        <${FormErrors} form=${form} />
        <${Card} title="Message" className="send-section">
          <${RadioGroup} legend="Type of the sent data" name="contentType" value=${v.contentType} onChange=${(x) => change('contentType', x, 'content')}
            options=${[
              { value: 'text', label: 'Text' },
              { value: 'screen', label: 'Screen', hint: screens.length === 0 ? 'No screens yet' : undefined },
            ]} className="radio-inline" />
          ${
            v.contentType === 'text'
              ? html`<${MessageText} v=${v} change=${change} error=${errorAt('content.text')} />`
              : html` <${Select}
                    label="Screen to send"
                    value=${v.screenId}
                    error=${errorAt('content.screenId')}
                    onChange=${(e) => change('screenId', e.currentTarget.value, 'content.screenId')}
                    options=${[{ value: '', label: screens.length ? 'Choose a screen' : 'No screens yet' }, ...screens.map((s) => ({ value: String(s.id), label: s.name }))]}
                    hint=${html`A prebuilt message with its buttons and image. <a href=${`/bots/${bot.id}/screens/new`}>Create a screen</a>`}
                  />
                  <${Checkbox}
                    label="Count clicks on link buttons"
                    checked=${v.trackClicks}
                    onInput=${(e) => change('trackClicks', e.currentTarget.checked, 'content')}
                    hint=${TRACK_CLICKS_HINT}
                  />`
          }
        </${Card}>

        <${Card} title="Platforms" className="send-section">
          <fieldset class=${`check-list ${errorAt('channelIds') ? 'has-error' : ''}`} aria-describedby=${errorAt('channelIds') ? 'channels-error' : undefined}>
            <legend class="visually-hidden">Platforms</legend>
            ${channels.map(
              (c) =>
                html`<label class=${`check-card ${v.channelIds.includes(c.id) ? 'is-checked' : ''}`}>
                  <input
                    type="checkbox"
                    checked=${v.channelIds.includes(c.id)}
                    onChange=${(e) => change('channelIds', e.currentTarget.checked ? [...v.channelIds, c.id] : v.channelIds.filter((id) => id !== c.id))}
                  />
                  <${PlatformDot} code=${c.platform} />
                  <span class="check-card-text"
                    ><span class="strong">${platformName(c.platform)}</span
                    >${c.name && c.name !== platformName(c.platform) && html`<span class="muted small">${c.name}</span>`}</span
                  >
                  ${c.status !== 'active' && html`<${Badge} tone="warn">${c.status}</${Badge}>`}
                </label>`,
            )}
          </fieldset>
          ${errorAt('channelIds') && html`<p class="field-error" id="channels-error">${errorAt('channelIds')}</p>`}
          ${waChannel && html`<${WhatsAppTemplate} channel=${waChannel} v=${v} change=${change} errorAt=${errorAt} />`}
        </${Card}>

        <${Card} title="Recipients" className="send-section">
          <${RadioGroup} legend="Broadcast recipients" name="audience" value=${v.audience} onChange=${(x) => change('audience', x, 'audience', 'channelIds')}
            options=${[
              { value: 'all', label: 'All users', hint: 'Everyone on the selected platforms' },
              { value: 'tags', label: 'Users with selected tags', hint: 'Anyone with one of the tags, minus exclusion tags' },
              {
                value: 'selected',
                label: 'Selected Users',
                disabled: v.channelIds.length !== 1 && v.audience !== 'selected',
                hint: v.channelIds.length === 1 ? 'Picked by hand or from a CSV file' : 'Only with exactly one platform selected',
              },
            ]} />
          ${
            v.audience === 'tags' &&
            html`<${TagPicker}
              legend="Tags"
              tone="include"
              tags=${tagsInUse}
              selected=${v.include}
              disabled=${v.exclude}
              disabledWhy="Chosen as an exclusion tag"
              error=${errorAt('audience.include')}
              onChange=${(x) => change('include', x, 'audience.include')}
              hint="Only tags assigned to at least one subscriber can be chosen."
              emptyText=${html`No tag is assigned to anyone yet. <a href=${`/bots/${bot.id}/subscribers`}>Tag subscribers</a>`}
            />`
          }
          ${
            v.audience !== 'selected' &&
            html`<${TagPicker}
              legend="Exclusion tags"
              tone="exclude"
              tags=${tagsInUse}
              selected=${v.exclude}
              disabled=${v.include}
              disabledWhy="Chosen as a tag to send to"
              error=${errorAt('audience.exclude')}
              onChange=${(x) => change('exclude', x, 'audience.exclude')}
              hint="People with any of these tags get nothing, even if they have a tag above."
            />`
          }
          ${v.audience === 'selected' && html`<${SelectedUsers} bot=${bot} v=${v} change=${change} set=${set} form=${form} channel=${oneChannel} errorAt=${errorAt} />`}
          <${Checkbox} label="End open chats" checked=${v.endOpenChats} onInput=${(e) => change('endOpenChats', e.currentTarget.checked)} hint=${END_OPEN_CHATS_HINT} />
        </${Card}>

        <${Card} title="When" className="send-section">
          <${Timing} bot=${bot} v=${v} change=${change} errorAt=${errorAt} />
        </${Card}>

        <div class="send-actions">
          <span class="muted small send-summary">${summaryLine(v, previewBody ? audience : { data: null }, platforms)}</span>
          <${Input} label="Draft name" className="draft-name-field" value=${draftName} maxlength="200" autocomplete="off"
            placeholder="The start of the text" onInput=${(e) => setDraftName(e.currentTarget.value)} />
          <${Button} icon="drafts" busy=${action === 'draft'} disabled=${action === 'send'} onClick=${saveDraft}>Save draft</${Button}>
          <${Button} type="submit" variant="primary" icon="send" busy=${action === 'send'} disabled=${action === 'draft'}>${v.timing === 'instant' ? 'Send' : 'Schedule'}</${Button}>
        </div>
      </div>

      <aside class="send-aside stack" aria-label="Preview and test">
        <${Card} title="Audience" className="audience-card">
          <${AudiencePreview} state=${audience} waiting=${previewBody ? null : Object.values(previewProblems)[0]} />
        </${Card}>
        <${Card} title="Preview">
          <${PlatformPreview} preview=${contentPreview} emptyText=${v.contentType === 'screen' ? 'Choose a screen to see it on each platform.' : 'Write the text to see it on each platform.'} />
        </${Card}>
        <${Card} title="Test send">
          <${TestSend} bot=${bot} content=${previewContent} platforms=${platforms} />
        </${Card}>
      </aside>
    </form>
  </div>`;
}

function summaryLine(v, audience, platforms) {
  if (platforms.length === 0) return 'No platform chosen';
  const who = audience.data ? plural(audience.data.recipients, 'recipient') : '';
  return [who, platforms.map(platformName).join(', ')].filter(Boolean).join(' on ');
}
