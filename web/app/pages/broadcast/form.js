// The send form's model: its empty and draft values, the API body built from them, and what the
// API would refuse, found before asking it.
import { templateFromDraft, templateOf } from './whatsapp-template.js';

export const END_OPEN_CHATS_HINT =
  'On: every recipient’s open chat with an operator is closed and everyone gets the broadcast. Off: people in an open chat get it only after the chat is closed.';

export const TRACK_CLICKS_HINT =
  'Each link button leads through Botcast, which counts unique and total clicks per button, then on to its address. Links with {{variables}} are sent as they are.';

function emptyForm(channels) {
  return {
    contentType: 'text',
    text: '',
    screenId: '',
    trackClicks: false,
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
    /** The WhatsApp template for people outside the 24-hour window (whatsapp-template.js), or null. */
    waTemplate: null,
  };
}

/** A draft's stored form (the API's send body, possibly partial) → the values of this form. */
export function fromDraft(form, channels) {
  const v = emptyForm(channels);
  if (!form) return v;
  if (form.content?.type === 'screen') Object.assign(v, { contentType: 'screen', screenId: String(form.content.screenId ?? '') });
  else if (form.content) v.text = form.content.text ?? '';
  v.waTemplate = templateFromDraft(form.content?.whatsappTemplate);
  v.trackClicks = form.content?.trackClicks === true;
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

/** The message itself (previews and test sends show it); bodyOf adds the WhatsApp template. */
export function contentOf(v) {
  if (v.contentType === 'screen')
    return v.screenId ? { type: 'screen', screenId: Number(v.screenId), ...(v.trackClicks ? { trackClicks: true } : {}) } : undefined;
  return { type: 'text', text: v.text };
}

export function audienceOf(v, { lenient = false } = {}) {
  if (v.audience === 'selected') {
    if (v.selectedMode === 'file')
      return v.importResult?.importId ? { type: 'selected', importId: v.importResult.importId } : { type: 'selected' };
    return { type: 'selected', subscriberIds: v.selected.map((s) => s.id) };
  }
  const exclude = v.exclude.length > 0 ? { exclude: v.exclude } : {};
  if (v.audience === 'tags') {
    if (v.include.length === 0 && lenient) return undefined;
    return { type: 'tags', include: v.include, ...exclude };
  }
  return { type: 'all', ...exclude };
}

export function timingOf(v) {
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
export function bodyOf(v, options = {}) {
  const content = contentOf(v);
  const body = {
    content: content && v.waTemplate ? { ...content, whatsappTemplate: templateOf(v.waTemplate) } : content,
    channelIds: v.channelIds,
    audience: audienceOf(v, options),
    timing: timingOf(v),
    endOpenChats: v.endOpenChats,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** What the API would refuse, found before asking it: { field: message }. */
export function problems(v, { content = true, recipients = true } = {}) {
  const p = {};
  if (content) {
    if (v.contentType === 'text' && !v.text.trim()) p['content.text'] = 'Write the text of the broadcast';
    if (v.contentType === 'screen' && !v.screenId) p['content.screenId'] = 'Choose a screen';
    v.waTemplate?.variables.forEach((x, i) => {
      if (!x.fallback.trim())
        p[`content.whatsappTemplate.variables.${i}.fallback`] = `Give {{${i + 1}}} a fallback: WhatsApp refuses an empty variable`;
    });
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
    if (v.timing === 'periodic' && v.recKind === 'weekdays' && v.weekdays.length === 0)
      p['timing.recurrence.days'] = 'Choose at least one weekday';
    if (v.timing === 'periodic' && v.recKind === 'month_days' && v.monthDays.length === 0)
      p['timing.recurrence.days'] = 'Choose at least one day';
  }
  return p;
}
