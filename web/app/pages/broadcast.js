// Send Broadcast, in the seed's own terms: Type of the sent data (Text | Screen), platforms,
// recipients (All users | Users with selected tags, minus exclusion tags | Selected Users, picked by
// hand or with Select File), End open chats, timing (now | at a date and time | periodic). Beside
// the form, live as it changes: the audience preview (POST …/sends/preview), the message on each
// platform with what degrades there (POST …/content/preview), and a test send. Save draft keeps the
// form in Drafts; ?draft=<id> opens a draft here (Edit), and Send from it leaves the draft in place.
import { html, useEffect, useMemo, useRef, useState } from '../lib/html.js';
import { api, query as toQuery } from '../lib/api.js';
import { useForm } from '../lib/form.js';
import { useDebounced, useResource } from '../lib/data.js';
import { WEEKDAY_NAMES, formatNumber, plural } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useApp } from '../context.js';
import { PlatformDot, platformName } from '../platforms.js';
import { Badge, Button, Card, Checkbox, EmptyState, ErrorNotice, FormErrors, Input, Loading, PageHeader, RadioGroup, Select, TextArea, useFocusTitle } from '../ui/components.js';
import { Icon } from '../ui/icons.js';
import { SubscriberPicker, TagPicker, subscriberLabel } from '../ui/pickers.js';
import { PlatformPreview, useContentPreview } from '../ui/preview.js';
import { VARIABLES } from './screens.js';

const END_OPEN_CHATS_HINT = 'On: every recipient’s open chat with an operator is closed and everyone gets the broadcast. Off: people in an open chat get it only after the chat is closed.';

function emptyForm(channels) {
  return {
    contentType: 'text',
    text: '',
    screenId: '',
    channelIds: channels.map((c) => c.id),
    audience: 'all',
    include: [],
    exclude: [],
    selectedMode: 'hand',
    selected: [],
    importResult: null,
    importFile: '',
    endOpenChats: false,
    timing: 'instant',
    at: '',
    recKind: 'every_n_days',
    n: '1',
    time: '10:00',
    weekdays: [1],
    monthDays: [1],
    cron: '0 10 * * 1',
    endDate: '',
  };
}

/** A draft's stored form (the API's send body, possibly partial) → the values of this form. */
function fromDraft(form, channels) {
  const v = emptyForm(channels);
  if (!form) return v;
  if (form.content?.type === 'screen') Object.assign(v, { contentType: 'screen', screenId: String(form.content.screenId ?? '') });
  else if (form.content) v.text = form.content.text ?? '';
  if (Array.isArray(form.channelIds)) v.channelIds = form.channelIds.filter((id) => channels.some((c) => c.id === id));
  const a = form.audience;
  if (a) {
    v.audience = a.type;
    v.include = (a.include ?? []).map(String);
    v.exclude = (a.exclude ?? []).map(String);
    if (a.type === 'selected') {
      v.selectedMode = a.importId ? 'file' : 'hand';
      v.selected = (a.subscriberIds ?? []).map((id) => ({ id, label: `Subscriber ${id}` }));
      if (a.importId) v.importResult = { importId: a.importId, loading: true };
    }
  }
  v.endOpenChats = !!form.endOpenChats;
  const t = form.timing;
  if (t?.type === 'delayed') Object.assign(v, { timing: 'delayed', at: (t.at ?? '').slice(0, 16) });
  if (t?.type === 'periodic') {
    const r = t.recurrence ?? {};
    Object.assign(v, { timing: 'periodic', recKind: r.kind ?? 'every_n_days', endDate: r.endDate ?? '' });
    if (r.time) v.time = r.time;
    if (r.kind === 'every_n_days') v.n = String(r.n ?? 1);
    if (r.kind === 'weekdays') v.weekdays = r.days ?? [];
    if (r.kind === 'month_days') v.monthDays = r.days ?? [];
    if (r.kind === 'cron') v.cron = r.expression ?? '';
  }
  return v;
}

function contentOf(v) {
  if (v.contentType === 'screen') return v.screenId ? { type: 'screen', screenId: Number(v.screenId) } : undefined;
  return { type: 'text', text: v.text };
}

function audienceOf(v, { lenient = false } = {}) {
  if (v.audience === 'selected') {
    if (v.selectedMode === 'file') return v.importResult?.importId ? { type: 'selected', importId: v.importResult.importId } : { type: 'selected' };
    return { type: 'selected', subscriberIds: v.selected.map((s) => s.id) };
  }
  const exclude = v.exclude.length > 0 ? { exclude: v.exclude } : {};
  if (v.audience === 'tags') {
    if (v.include.length === 0 && lenient) return undefined;
    return { type: 'tags', include: v.include, ...exclude };
  }
  return { type: 'all', ...exclude };
}

function timingOf(v) {
  if (v.timing === 'delayed') return { type: 'delayed', at: v.at };
  if (v.timing === 'periodic') {
    const end = v.endDate ? { endDate: v.endDate } : {};
    switch (v.recKind) {
      case 'weekdays':
        return { type: 'periodic', recurrence: { kind: 'weekdays', days: [...v.weekdays].sort(), time: v.time, ...end } };
      case 'month_days':
        return { type: 'periodic', recurrence: { kind: 'month_days', days: v.monthDays, time: v.time, ...end } };
      case 'cron':
        return { type: 'periodic', recurrence: { kind: 'cron', expression: v.cron.trim(), ...end } };
      default:
        return { type: 'periodic', recurrence: { kind: 'every_n_days', n: Number(v.n), time: v.time, ...end } };
    }
  }
  return { type: 'instant' };
}

/** The API's send body. lenient: for a draft, leave out what is not chosen yet. */
function bodyOf(v, options = {}) {
  const body = { content: contentOf(v), channelIds: v.channelIds, audience: audienceOf(v, options), timing: timingOf(v), endOpenChats: v.endOpenChats };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** What the API would refuse, found before asking it: { field: message }. */
function problems(v, { content = true, recipients = true } = {}) {
  const p = {};
  if (content) {
    if (v.contentType === 'text' && !v.text.trim()) p['content.text'] = 'Write the text of the broadcast';
    if (v.contentType === 'screen' && !v.screenId) p['content.screenId'] = 'Choose a screen';
  }
  if (recipients) {
    if (v.channelIds.length === 0) p.channelIds = 'Choose at least one platform';
    if (v.audience === 'tags' && v.include.length === 0) p['audience.include'] = 'Choose at least one tag';
    if (v.audience === 'selected') {
      if (v.channelIds.length !== 1) p.channelIds = 'Selected Users needs exactly one platform';
      else if (v.selectedMode === 'hand' && v.selected.length === 0) p['audience.subscriberIds'] = 'Pick at least one user';
      else if (v.selectedMode === 'file' && !v.importResult?.importId) p['audience.importId'] = 'Select a CSV file of user ids';
    }
    if (v.timing === 'delayed' && !v.at) p['timing.at'] = 'Choose the date and time';
    if (v.timing === 'periodic' && v.recKind === 'weekdays' && v.weekdays.length === 0) p['timing.recurrence.days'] = 'Choose at least one weekday';
    if (v.timing === 'periodic' && v.recKind === 'month_days' && v.monthDays.length === 0) p['timing.recurrence.days'] = 'Choose at least one day';
  }
  return p;
}

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
    return html`<div class="page"><${PageHeader} title=${title} />
      <${ErrorNotice} error=${error} onRetry=${() => { channels.reload(); tags.reload(); screens.reload(); draft.reload(); }} /></div>`;
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
  return html`<${SendForm} key=${draftId ?? 'new'} bot=${bot} channels=${channels.data} tags=${tags.data} screens=${screens.data} draft=${draft.data} />`;
}

function SendForm({ bot, channels, tags, screens, draft }) {
  const { toast } = useApp();
  const form = useForm(useMemo(() => fromDraft(draft?.form, channels), []));
  const v = form.values;
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
      form.setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.some((f) => k === f || k.startsWith(f + '.') || k.startsWith(f + '[')))));
    }
  };
  /** The first error about this field or one inside it (timing.recurrence.days[0] → timing.recurrence.days). */
  const errorAt = (prefix) => {
    const key = Object.keys(form.errors).find((k) => form.errors[k] && (k === prefix || k.startsWith(prefix + '.') || k.startsWith(prefix + '[')));
    return form.error(key ?? prefix);
  };

  // A draft's picked users and file: their names and the import's result, from the API.
  useEffect(() => {
    const ids = v.selected.filter((s) => s.label.startsWith('Subscriber ')).slice(0, 200).map((s) => s.id);
    if (ids.length > 0) {
      Promise.all(ids.map((id) => api.get(`/api/subscribers/${id}`).catch(() => null))).then((subs) => {
        const byId = new Map(subs.filter(Boolean).map((s) => [s.id, s]));
        form.set('selected', v.selected.map((s) => (byId.has(s.id) ? { id: s.id, label: subscriberLabel(byId.get(s.id)), channelId: byId.get(s.id).channelId } : s)));
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
    if (v.selected.some((s) => s.channelId && s.channelId !== oneChannel.id)) set('selected', v.selected.filter((s) => !s.channelId || s.channelId === oneChannel.id));
    if (v.importResult?.channelId && v.importResult.channelId !== oneChannel.id) {
      set('importResult', null);
      set('importFile', '');
    }
  }, [oneChannel?.id]);

  // ---------- audience preview, live ----------
  const previewProblems = problems(v, { content: false });
  delete previewProblems['timing.at'];
  delete previewProblems['timing.recurrence.days'];
  const previewBody = Object.keys(previewProblems).length === 0 ? { channelIds: v.channelIds, audience: audienceOf(v), endOpenChats: v.endOpenChats } : null;
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
  const previewContent = v.contentType === 'screen' ? (v.screenId ? contentOf(v) : null) : v.text.trim() ? contentOf(v) : null;
  const contentPreview = useContentPreview(bot.id, previewContent, platforms.length > 0 ? platforms : undefined);

  // ---------- actions ----------
  const check = (options) => {
    const found = problems(v, options);
    if (Object.keys(found).length === 0) return true;
    form.setErrors(found);
    requestAnimationFrame(() => document.querySelector('.send-main [aria-invalid="true"], .send-main .has-error input, .send-main .has-error button')?.focus());
    return false;
  };

  const send = async (e) => {
    e.preventDefault();
    if (!check()) return;
    setAction('send');
    const body = bodyOf(v);
    const created = await form.submit(() => (draft ? api.post(`/api/drafts/${draft.id}/send`, body) : api.post(`/api/bots/${bot.id}/sends`, body)));
    setAction(null);
    if (!created) return;
    const section = created.timing?.type === 'periodic' ? 'periodic' : created.timing?.type === 'delayed' ? 'scheduled' : 'active';
    toast(section === 'active' ? `Broadcast #${created.id} created — it starts after the grace window` : `Broadcast #${created.id} scheduled`);
    navigate(`/bots/${bot.id}/history${toQuery({ section })}`);
  };

  const saveDraft = async () => {
    setAction('draft');
    const body = bodyOf(v, { lenient: true });
    const screen = screens.find((s) => String(s.id) === v.screenId);
    const name = v.contentType === 'screen' ? (screen ? `Screen “${screen.name}”` : 'Screen') : v.text.trim().replace(/\s+/g, ' ').slice(0, 60) || 'Untitled';
    const saved = await form.submit(() => (draft ? api.patch(`/api/drafts/${draft.id}`, { form: body }) : api.post(`/api/bots/${bot.id}/drafts`, { name, form: body })));
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
            options=${[{ value: 'text', label: 'Text' }, { value: 'screen', label: 'Screen', hint: screens.length === 0 ? 'No screens yet' : undefined }]} className="radio-inline" />
          ${v.contentType === 'text' ? html`<${MessageText} v=${v} change=${change} error=${errorAt('content.text')} />` : html`
            <${Select} label="Screen to send" value=${v.screenId} error=${errorAt('content.screenId')} onChange=${(e) => change('screenId', e.currentTarget.value, 'content.screenId')}
              options=${[{ value: '', label: screens.length ? 'Choose a screen' : 'No screens yet' }, ...screens.map((s) => ({ value: String(s.id), label: s.name }))]}
              hint=${html`A prebuilt message with its buttons and image. <a href=${`/bots/${bot.id}/screens/new`}>Create a screen</a>`} />`}
        </${Card}>

        <${Card} title="Platforms" className="send-section">
          <fieldset class=${`check-list ${errorAt('channelIds') ? 'has-error' : ''}`} aria-describedby=${errorAt('channelIds') ? 'channels-error' : undefined}>
            <legend class="visually-hidden">Platforms</legend>
            ${channels.map((c) => html`<label class=${`check-card ${v.channelIds.includes(c.id) ? 'is-checked' : ''}`}>
              <input type="checkbox" checked=${v.channelIds.includes(c.id)}
                onChange=${(e) => change('channelIds', e.currentTarget.checked ? [...v.channelIds, c.id] : v.channelIds.filter((id) => id !== c.id))} />
              <${PlatformDot} code=${c.platform} />
              <span class="check-card-text"><span class="strong">${platformName(c.platform)}</span>${c.name && c.name !== platformName(c.platform) && html`<span class="muted small">${c.name}</span>`}</span>
              ${c.status !== 'active' && html`<${Badge} tone="warn">${c.status}</${Badge}>`}
            </label>`)}
          </fieldset>
          ${errorAt('channelIds') && html`<p class="field-error" id="channels-error">${errorAt('channelIds')}</p>`}
        </${Card}>

        <${Card} title="Recipients" className="send-section">
          <${RadioGroup} legend="Broadcast recipients" name="audience" value=${v.audience} onChange=${(x) => change('audience', x, 'audience', 'channelIds')}
            options=${[
              { value: 'all', label: 'All users', hint: 'Everyone on the selected platforms' },
              { value: 'tags', label: 'Users with selected tags', hint: 'Anyone with one of the tags, minus exclusion tags' },
              { value: 'selected', label: 'Selected Users', disabled: v.channelIds.length !== 1 && v.audience !== 'selected',
                hint: v.channelIds.length === 1 ? 'Picked by hand or from a CSV file' : 'Only with exactly one platform selected' },
            ]} />
          ${v.audience === 'tags' && html`<${TagPicker} legend="Tags" tone="include" tags=${tagsInUse} selected=${v.include} disabled=${v.exclude}
            disabledWhy="Chosen as an exclusion tag" error=${errorAt('audience.include')} onChange=${(x) => change('include', x, 'audience.include')}
            hint="Only tags assigned to at least one subscriber can be chosen." emptyText=${html`No tag is assigned to anyone yet. <a href=${`/bots/${bot.id}/subscribers`}>Tag subscribers</a>`} />`}
          ${v.audience !== 'selected' && html`<${TagPicker} legend="Exclusion tags" tone="exclude" tags=${tagsInUse} selected=${v.exclude} disabled=${v.include}
            disabledWhy="Chosen as a tag to send to" error=${errorAt('audience.exclude')} onChange=${(x) => change('exclude', x, 'audience.exclude')}
            hint="People with any of these tags get nothing, even if they have a tag above." />`}
          ${v.audience === 'selected' && html`<${SelectedUsers} bot=${bot} v=${v} change=${change} set=${set} form=${form} channel=${oneChannel} errorAt=${errorAt} />`}
          <${Checkbox} label="End open chats" checked=${v.endOpenChats} onInput=${(e) => change('endOpenChats', e.currentTarget.checked)} hint=${END_OPEN_CHATS_HINT} />
        </${Card}>

        <${Card} title="When" className="send-section">
          <${Timing} bot=${bot} v=${v} change=${change} errorAt=${errorAt} />
        </${Card}>

        <div class="send-actions">
          <span class="muted small send-summary">${summaryLine(v, previewBody ? audience : { data: null }, platforms)}</span>
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

function MessageText({ v, change, error }) {
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
  return html`
    <${TextArea} id="broadcast-text" label="Message text" rows="5" maxlength="10000" value=${v.text} error=${error}
      onInput=${(e) => change('text', e.currentTarget.value, 'content')}
      hint="Variables are filled for each subscriber: {{first_name|there}} writes “there” when the first name is unknown." />
    <div class="variable-bar" role="group" aria-label="Insert a variable">
      <span class="muted small">Insert:</span>
      ${VARIABLES.map((x) => html`<button type="button" class="chip-button" title=${x.about} onClick=${() => insert(x.name)}>{{${x.name}}}</button>`)}
    </div>`;
}

function SelectedUsers({ bot, v, change, set, form, channel, errorAt }) {
  const fileInput = useRef(null);
  const [uploading, setUploading] = useState(false);
  if (!channel) {
    return html`<div class="alert alert-info" role="status"><p>Selected Users needs exactly one platform: choose one under Platforms.</p></div>`;
  }
  const upload = async (e) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file) return;
    setUploading(true);
    change('importResult', null, 'audience.importId', 'audience');
    set('importFile', file.name);
    try {
      const result = await api.upload(`/api/channels/${channel.id}/selected-users/import${toQuery({ fileName: file.name })}`, file, 'text/csv');
      set('importResult', result);
    } catch (error) {
      form.setErrors((errs) => ({ ...errs, 'audience.importId': error.message }));
    } finally {
      setUploading(false);
    }
  };
  const importError = errorAt('audience.importId');
  return html`<div class="selected-users">
    <${RadioGroup} legend="How to choose them" name="selectedMode" value=${v.selectedMode} className="radio-inline"
      onChange=${(x) => change('selectedMode', x, 'audience')}
      options=${[{ value: 'hand', label: 'Pick by hand' }, { value: 'file', label: 'From a CSV file' }]} />
    ${v.selectedMode === 'hand' ? html`
      <${SubscriberPicker} botId=${bot.id} platform=${channel.platform} label=${`Add a ${platformName(channel.platform)} user`}
        excludeIds=${v.selected.map((s) => s.id)} error=${errorAt('audience.subscriberIds')}
        onPick=${(s) => change('selected', [...v.selected, { id: s.id, label: subscriberLabel(s), channelId: s.channelId }], 'audience.subscriberIds')} />
      ${v.selected.length > 0 && html`<div>
        <p class="small muted">${plural(v.selected.length, 'user')} selected</p>
        <ul class="chips chips-removable" aria-label="Selected users">
          ${v.selected.map((s) => html`<li class="tag-chip">${s.label}<button type="button" class="chip-remove" aria-label=${`Remove ${s.label}`}
            onClick=${() => change('selected', v.selected.filter((x) => x.id !== s.id), 'audience.subscriberIds')}><${Icon} name="x" size=${12} /></button></li>`)}
        </ul>
      </div>`}` : html`
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
      ${v.importResult && !v.importResult.loading && html`<${ImportResult} result=${v.importResult} />`}`}
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
    <p class="import-matched"><${Icon} name=${result.matched > 0 ? 'check' : 'alert'} size=${16} />
      <span><strong>${plural(result.matched, 'user')} matched</strong> of ${plural(result.rows, 'row')}${result.firstRow?.treatedAs === 'title' ? html` <span class="muted">(first row “${result.firstRow.value}” read as the title)</span>` : ''}</span></p>
    ${lists.length > 0 && html`<div class="import-problems">
      ${lists.map(([key, title, list]) => html`<details class="import-problem" data-kind=${key}>
        <summary><${Badge} tone=${key === 'duplicates' ? 'neutral' : 'warn'}>${formatNumber(list.count)}</${Badge}> ${title}</summary>
        <ul>${list.sample.map((p) => html`<li><span class="mono">${p.value || '(empty)'}</span> <span class="muted small">line ${p.line}${p.reason ? ` — ${p.reason}` : ''}</span></li>`)}</ul>
        ${list.count > list.sample.length && html`<p class="muted small">and ${formatNumber(list.count - list.sample.length)} more in the report</p>`}
      </details>`)}
      <a class="btn btn-sm btn-secondary" href=${result.reportUrl} download><${Icon} name="download" size=${16} /><span>Download the report (CSV)</span></a>
    </div>`}
  </div>`;
}

function Timing({ bot, v, change, errorAt }) {
  const toggle = (list, value) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  return html`
    <${RadioGroup} legend="When to send" name="timing" value=${v.timing} onChange=${(x) => change('timing', x, 'timing')}
      options=${[
        { value: 'instant', label: 'Now', hint: 'After a 1-minute grace window in which you can still delete it' },
        { value: 'delayed', label: 'At a date and time', hint: `In the bot’s time zone (${bot.timeZone})` },
        { value: 'periodic', label: 'Periodic', hint: 'Every N days, on weekdays, on days of the month, or a cron expression' },
      ]} />
    ${v.timing === 'delayed' && html`<div class="field-row">
      <${Input} label=${`Date and time (${bot.timeZone})`} type="datetime-local" value=${v.at} error=${errorAt('timing.at')}
        onInput=${(e) => change('at', e.currentTarget.value, 'timing.at')} className="field-date" />
    </div>`}
    ${v.timing === 'periodic' && html`<div class="periodic">
      <div class="field-row">
        <${Select} label="Repeat" value=${v.recKind} onChange=${(e) => change('recKind', e.currentTarget.value, 'timing')}
          options=${[{ value: 'every_n_days', label: 'Every N days' }, { value: 'weekdays', label: 'On weekdays' }, { value: 'month_days', label: 'On days of the month' }, { value: 'cron', label: 'Cron expression' }]} />
        ${v.recKind === 'every_n_days' && html`<${Input} label="Every … days" type="number" min="1" max="365" value=${v.n} error=${errorAt('timing.recurrence.n')}
          onInput=${(e) => change('n', e.currentTarget.value, 'timing.recurrence.n')} className="field-narrow" />`}
        ${v.recKind !== 'cron' && html`<${Input} label=${`At (${bot.timeZone})`} type="time" value=${v.time} error=${errorAt('timing.recurrence.time')}
          onInput=${(e) => change('time', e.currentTarget.value, 'timing.recurrence.time')} className="field-narrow" />`}
        ${v.recKind === 'cron' && html`<${Input} label="Cron expression" value=${v.cron} error=${errorAt('timing.recurrence.expression')} className="grow mono-input" spellcheck="false"
          hint="Five fields: minute hour day-of-month month weekday, in the bot’s time zone. 0 10 * * 1 = Mondays at 10:00."
          onInput=${(e) => change('cron', e.currentTarget.value, 'timing.recurrence.expression')} />`}
      </div>
      ${v.recKind === 'weekdays' && html`<fieldset class=${`day-picker ${errorAt('timing.recurrence.days') ? 'has-error' : ''}`}>
        <legend>Weekdays</legend>
        <div class="day-options">${WEEKDAY_NAMES.map((name, i) => html`<label class=${`day ${v.weekdays.includes(i + 1) ? 'on' : ''}`}>
          <input type="checkbox" checked=${v.weekdays.includes(i + 1)} onChange=${() => change('weekdays', toggle(v.weekdays, i + 1), 'timing.recurrence.days')} />
          <span aria-hidden="true">${name.slice(0, 3)}</span><span class="visually-hidden">${name}</span>
        </label>`)}</div>
        ${errorAt('timing.recurrence.days') && html`<p class="field-error">${errorAt('timing.recurrence.days')}</p>`}
      </fieldset>`}
      ${v.recKind === 'month_days' && html`<fieldset class=${`day-picker ${errorAt('timing.recurrence.days') ? 'has-error' : ''}`}>
        <legend>Days of the month</legend>
        <div class="day-options month">${[...Array.from({ length: 31 }, (_, i) => i + 1), 'last'].map((d) => html`<label class=${`day ${v.monthDays.includes(d) ? 'on' : ''}`}>
          <input type="checkbox" checked=${v.monthDays.includes(d)} onChange=${() => change('monthDays', toggle(v.monthDays, d), 'timing.recurrence.days')} />
          <span>${d === 'last' ? 'Last' : d}</span>
        </label>`)}</div>
        <p class="hint">A day a month does not have is skipped (31 does not run in April); “Last” is the last day of every month.</p>
        ${errorAt('timing.recurrence.days') && html`<p class="field-error">${errorAt('timing.recurrence.days')}</p>`}
      </fieldset>`}
      <div class="field-row">
        <${Input} label="End date (optional)" type="date" value=${v.endDate} error=${errorAt('timing.recurrence.endDate')} className="field-date"
          hint="The last day it may run, inclusive." onInput=${(e) => change('endDate', e.currentTarget.value, 'timing.recurrence.endDate')} />
      </div>
      ${errorAt('timing.recurrence') && html`<p class="field-error">${errorAt('timing.recurrence')}</p>`}
    </div>`}`;
}

function AudiencePreview({ state, waiting }) {
  if (waiting) return html`<p class="hint">${waiting} to see who gets it.</p>`;
  if (state.error) return html`<p class="field-error" role="alert">${state.error.message}</p>`;
  const d = state.data;
  if (!d) return html`<${Loading} label="Counting…" />`;
  const left = [
    d.excluded.exclusionTags > 0 && `${plural(d.excluded.exclusionTags, 'subscriber')} left out by exclusion tags`,
    d.excluded.blocked > 0 && `${plural(d.excluded.blocked, 'subscriber')} blocked the bot`,
  ].filter(Boolean);
  return html`<div class=${`audience ${state.loading ? 'is-loading' : ''}`} aria-live="polite">
    <p class="audience-total"><strong data-recipients=${d.recipients}>${formatNumber(d.recipients)}</strong> ${d.recipients === 1 ? 'recipient' : 'recipients'}</p>
    ${d.platforms.length > 1 && html`<ul class="audience-platforms">
      ${d.platforms.map((p) => html`<li><${PlatformDot} code=${p.platform} />${platformName(p.platform)}<span class="num">${formatNumber(p.recipients)}</span></li>`)}
    </ul>`}
    ${left.length > 0 && html`<ul class="audience-left">${left.map((x) => html`<li>${x}</li>`)}</ul>`}
    ${d.openChats.count > 0 && html`<p class="audience-chats"><${Badge} tone="warn">${formatNumber(d.openChats.count)}</${Badge}>
      ${d.openChats.willBe === 'closed' ? ' open operator chats will be closed, then they get it' : ' in an open operator chat: held until the chat closes'}</p>`}
    ${d.recipients === 0 && html`<p class="hint">Nobody would get this broadcast. Change the platforms or the recipients.</p>`}
  </div>`;
}

function TestSend({ bot, content, platforms }) {
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
    ${who
      ? html`<div class="picked"><span><span class="strong">${subscriberLabel(who)}</span> <span class="muted small">${platformName(who.platform)}</span></span>
          <button type="button" class="link-button" onClick=${() => { setWho(null); setState({ busy: false, result: null, error: null }); }}>Change</button></div>`
      : html`<${SubscriberPicker} botId=${bot.id} label="Test recipient" placeholder="Search a subscriber" onPick=${setWho} />`}
    <${Button} icon="send" busy=${state.busy} disabled=${!who || !content} onClick=${run}>Send test</${Button}>
    ${!content && html`<p class="hint">Write the text or choose a screen first.</p>`}
    ${state.error && html`<p class="field-error" role="alert">${state.error.message}</p>`}
    ${r && html`<div class=${`test-result ${r.outcome.class === 'sent' ? 'ok' : 'bad'}`} role="status">
      ${r.outcome.class === 'sent'
        ? html`<p><${Icon} name="check" size=${14} /> Sent to ${subscriberLabel(who)} on ${platformName(r.platform)}.</p>`
        : html`<p><${Icon} name="alert" size=${14} /> Not sent (${r.outcome.class}): ${r.outcome.text || r.outcome.code}</p>`}
      ${r.missingVariables?.length > 0 && html`<p class="small">No value for ${r.missingVariables.map((m) => `{{${m}}}`).join(', ')}.</p>`}
      ${platforms.includes('sandbox') && r.platform === 'sandbox' && html`<p class="small"><a href=${`/bots/${bot.id}/sandbox`}>Open the sandbox inbox</a></p>`}
    </div>`}
  </div>`;
}
