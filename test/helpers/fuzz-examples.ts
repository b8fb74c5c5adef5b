// A valid request for every write operation of the API, for the fuzz test
// (test/integration/fuzz.test.ts) to plant odd values into. Valid on purpose: a refusal must then
// be about the odd value, which the test checks by the field the error names. Every string,
// integer and object here is a place an odd value goes, so the examples fill optional fields too.
import type { Json } from './json.ts';

export interface Fixtures {
  email: string;
  botId: number;
  channelId: number;
  subscriberId: number;
  tagId: number;
  screenId: number;
  sendId: number;
  draftId: number;
  apiKeyId: number;
  memberId: number;
  importId: number;
  eventId: number;
  /** The external event's secret URL path, /hooks/events/<secret>. */
  eventPath: string;
  triggerId: number;
  fbChannelId: number;
  okChannelId: number;
  okSecret: string;
  statusWebhookId: number;
}

export interface ExampleRequest {
  /** JSON bodies, each valid on its own. */
  bodies?: Json[];
  /** Query parameters sent with every request of the operation. */
  query?: Record<string, string>;
  /** The body goes as raw text of this type (a route that reads its own bytes). */
  raw?: { text: string; type: string };
}

export function exampleRequests(f: Fixtures): Record<string, ExampleRequest> {
  const content = {
    type: 'text',
    text: 'Hello {{first_name|friend}}, order {{order.id}}',
    media: { type: 'image', url: 'https://example.com/a.png' },
    buttons: [
      { kind: 'url', text: 'Open', url: 'https://example.com/order' },
      { kind: 'opt_out', text: 'Not interested' },
    ],
    trackClicks: true,
  };
  const screen = { type: 'screen', screenId: f.screenId, trackClicks: true };
  const later = { type: 'delayed', at: '2099-01-01T10:00' };
  const periodic = { type: 'periodic', recurrence: { kind: 'weekdays', days: [1, 5], time: '10:00', endDate: '2099-12-31' } };
  const everyNDays = { type: 'periodic', recurrence: { kind: 'every_n_days', n: 2, time: '10:00', startDate: '2099-01-01' } };
  const tags = { type: 'tags', include: ['vip', f.tagId], exclude: ['vip'] };
  const selected = { type: 'selected', subscriberIds: [f.subscriberId], importId: f.importId };
  const send = { content, channelIds: [f.channelId], audience: tags, timing: later, endOpenChats: false };
  const delay = { amount: 1, unit: 'days', timeOfDay: '19:00' };
  return {
    'POST /api/api-keys': { bodies: [{ name: 'fuzz key', role: 'editor' }] },
    'POST /api/auth/login': { bodies: [{ email: f.email, password: 'correct horse battery' }] },
    'POST /api/bots': { bodies: [{ name: 'fuzz bot', timeZone: 'Europe/Berlin' }] },
    'PATCH /api/bots/{botId}': {
      bodies: [
        { name: 'bot', timeZone: 'UTC' },
        { optOutKeywords: ['stop', 'отписаться'], optInKeywords: ['start'], frequencyCap: { count: 3, days: 7 } },
      ],
    },
    'POST /api/bots/{botId}/channels': {
      bodies: [
        { platform: 'viber', name: 'second', verify: false, ratePerSecond: 5, credentials: { token: 'v' } },
        { platform: 'tg', verify: false, credentials: { token: '1:abc' }, apiBaseUrl: 'https://tg.example.com', inbound: 'webhook' },
      ],
    },
    'POST /api/bots/{botId}/content/preview': { bodies: [{ content, platforms: ['sandbox', 'tg'] }, { content: screen }] },
    'POST /api/bots/{botId}/drafts': { bodies: [{ form: send }] },
    'POST /api/bots/{botId}/external-events': { bodies: [{ name: 'fuzz event', content, endOpenChats: true, ignoreOptOut: true }] },
    'POST /api/bots/{botId}/screens': {
      bodies: [{ name: 'fuzz screen', text: 'Hi {{first_name}}', media: content.media, buttons: content.buttons }],
    },
    'POST /api/bots/{botId}/sends': {
      bodies: [
        send,
        { content: screen, channelIds: [f.channelId], audience: selected, timing: periodic },
        { content, channelIds: [f.channelId], audience: { type: 'all' }, timing: everyNDays },
      ],
    },
    'POST /api/sends/{id}/resend': {
      bodies: [{ runId: 1, outcomes: ['failed', 'unknown', 'outside_window', 'hold_expired'], acknowledgeUnknown: true, content }],
    },
    'POST /api/bots/{botId}/sends/preview': { bodies: [{ channelIds: [f.channelId], audience: tags, endOpenChats: false }] },
    'POST /api/bots/{botId}/sends/test': { bodies: [{ content, subscriberId: f.subscriberId, data: { order: { id: '42' } } }] },
    'POST /api/bots/{botId}/subscribers/tag': { bodies: [{ tag: 'vip', subscriberIds: [f.subscriberId], remove: false }] },
    'POST /api/bots/{botId}/tags': { bodies: [{ name: 'fuzz tag' }] },
    'POST /api/bots/{botId}/triggers': {
      bodies: [
        { name: 'fuzz trigger', tag: 'vip', content, delay, endOpenChats: false, fireAgain: true, enabled: true },
        { tag: f.tagId, content: screen, delay: { amount: 2, unit: 'hours' } },
      ],
    },
    'PUT /api/bots/{botId}/triggers/order': { bodies: [{ ids: [f.triggerId] }] },
    'PATCH /api/channels/{id}': {
      bodies: [{ name: 'sandbox', ratePerSecond: 10, status: 'active', circuitBreaker: { percent: 20, window: 500 } }],
    },
    'POST /api/channels/{id}/sandbox/messages': {
      bodies: [{ userId: 'u2', text: 'hello', name: 'User Two', username: 'two', language: 'en' }],
    },
    'PUT /api/channels/{id}/sandbox/users/{userId}': { bodies: [{ behaviour: 'blocked' }] },
    'POST /api/sends/{id}/recall': { bodies: [{ action: 'edit', text: 'corrected' }] },
    'POST /api/channels/{id}/selected-users/import': { query: { fileName: 'ids.csv' }, raw: { text: 'id\nu1\n', type: 'text/csv' } },
    'POST /api/bots/{botId}/subscribers/import': {
      query: { platform: 'sandbox', fileName: 'people.csv' },
      raw: { text: 'platform_user_id,name,tags\nu9,Nine,vip\n', type: 'text/csv' },
    },
    'PATCH /api/drafts/{id}': { bodies: [{ form: send }] },
    'POST /api/drafts/{id}/send': { bodies: [send] },
    'PATCH /api/external-events/{id}': { bodies: [{ name: 'renamed', content, endOpenChats: false, ignoreOptOut: false }] },
    'POST /api/members': { bodies: [{ email: 'member@example.com', name: 'Member', password: 'long enough password', role: 'editor' }] },
    'PATCH /api/members/{id}': { bodies: [{ role: 'editor' }] },
    'PATCH /api/screens/{id}': { bodies: [{ name: 'renamed', text: 'Hi', media: content.media, buttons: content.buttons }] },
    'POST /api/signup': {
      bodies: [{ workspaceName: 'Fuzz', email: 'fuzz@example.com', name: 'Fuzz', password: 'long enough password' }],
    },
    'POST /api/status-webhooks': {
      bodies: [
        { url: 'https://hooks.example.com/botcast', description: 'CRM', events: ['run.started', 'delivery.outcome'], enabled: true },
      ],
    },
    'PATCH /api/status-webhooks/{id}': {
      bodies: [{ url: 'https://hooks.example.com/other', description: 'renamed', events: ['run.completed'], enabled: false }],
    },
    'POST /api/subscribers/{id}/chat/close': { bodies: [{ reason: 'done' }] },
    'DELETE /api/subscribers/{id}/tags': { bodies: [{ tags: ['vip'] }] },
    'POST /api/subscribers/{id}/tags': { bodies: [{ tags: ['vip', 'new'] }] },
    'PUT /api/subscribers/{id}/time-zone': { bodies: [{ timeZone: 'Europe/Berlin' }, { timeZone: null }] },
    'PATCH /api/tags/{id}': { bodies: [{ name: 'very important' }] },
    'PATCH /api/triggers/{id}': {
      bodies: [{ name: 'renamed', tag: f.tagId, content, delay, endOpenChats: true, fireAgain: false, enabled: true }],
    },
    'POST /hooks/events/{secret}': {
      bodies: [
        {
          platform: 'sandbox',
          users: ['u1', { subscriberId: f.subscriberId }, `subscriber:${f.subscriberId}`],
          data: { order: { id: '42' } },
        },
        { platform: 'any', users: 'everyone', data: { list: [1, 'two'] } },
      ],
    },
  };
}
