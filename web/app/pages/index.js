// The panel's pages, in one table. Adding a page:
//   1. write web/app/pages/<name>.js exporting a component; it receives { bot, params, query }
//      (bot: the current bot; params: from ":name" parts of the path; query: URLSearchParams);
//   2. add one entry below. Bot pages live at /bots/<botId>/<path>; an entry with `section` shows
//      in the sidebar under that section, one without is reachable by link only (e.g. an editor).
// The sidebar marks an entry active for its own path and every path below it (screens/12 → screens);
// `soon: true` marks a placeholder (comingSoon) there: replace both when the page is built.
import { ChannelsPage } from './channels.js';
import { comingSoon } from './coming-soon.js';
import { SandboxPage } from './sandbox.js';
import { ScreenEditorPage, ScreensPage } from './screens.js';
import { SubscribersPage } from './subscribers.js';
import { TagsPage } from './tags.js';

export const SECTIONS = ['Broadcasts', 'Audience', 'Content', 'Setup'];

export const PAGES = [
  {
    path: 'broadcast',
    title: 'Send broadcast',
    section: 'Broadcasts',
    soon: true,
    icon: 'send',
    component: comingSoon('Send broadcast', 'Send a text or a screen to everyone, to tags (minus exclusion tags) or to selected users — instantly, delayed or periodically — with an audience preview and a test send.', 'send'),
  },
  {
    path: 'history',
    title: 'History',
    section: 'Broadcasts',
    soon: true,
    icon: 'history',
    component: comingSoon('History', 'Active, scheduled, periodic and completed sends with their counts, live progress, type filters, search by id and a link to the errors of every send.', 'history'),
  },
  {
    path: 'drafts',
    title: 'Drafts',
    section: 'Broadcasts',
    soon: true,
    icon: 'drafts',
    component: comingSoon('Drafts', 'Broadcasts saved from the send form, to duplicate, edit and send later.', 'drafts'),
  },
  {
    path: 'events',
    title: 'Events',
    section: 'Broadcasts',
    soon: true,
    icon: 'events',
    component: comingSoon('Events', 'External and trigger events: messages your systems send through the API, and messages sent when a tag is assigned.', 'events'),
  },
  { path: 'subscribers', title: 'Subscribers', section: 'Audience', icon: 'users', component: SubscribersPage },
  { path: 'tags', title: 'Tags', section: 'Audience', icon: 'tag', component: TagsPage },
  { path: 'screens', title: 'Screens', section: 'Content', icon: 'screen', component: ScreensPage },
  { path: 'screens/new', title: 'New screen', component: ScreenEditorPage },
  { path: 'screens/:screenId', title: 'Edit screen', component: ScreenEditorPage },
  { path: 'channels', title: 'Channels', section: 'Setup', icon: 'channel', component: ChannelsPage },
  { path: 'sandbox', title: 'Sandbox', section: 'Setup', icon: 'sandbox', component: SandboxPage },
];

/** Where /bots/<id> and the bot picker land. */
export const DEFAULT_PAGE = 'subscribers';
