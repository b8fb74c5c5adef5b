// The panel's pages, in one table. Adding a page:
//   1. write web/app/pages/<name>.js exporting a component; it receives { bot, params, query }
//      (bot: the current bot; params: from ":name" parts of the path; query: URLSearchParams);
//   2. add one entry below. Bot pages live at /bots/<botId>/<path>; an entry with `section` shows
//      in the sidebar under that section, one without is reachable by link only (e.g. an editor).
// The sidebar marks an entry active for its own path and every path below it (screens/12 → screens);
// `soon: true` marks a placeholder (comingSoon) there: replace both when the page is built.
import { BroadcastPage } from './broadcast.js';
import { ChannelsPage } from './channels.js';
import { DraftsPage } from './drafts.js';
import { EventsPage } from './events.js';
import { HistoryPage } from './history.js';
import { LogsPage, LogViewPage } from './logs.js';
import { SandboxPage } from './sandbox.js';
import { ScreenEditorPage, ScreensPage } from './screens.js';
import { SendPage } from './send.js';
import { SubscribersPage } from './subscribers.js';
import { TagsPage } from './tags.js';

export const SECTIONS = ['Broadcasts', 'Audience', 'Content', 'Setup'];

export const PAGES = [
  { path: 'broadcast', title: 'Send broadcast', section: 'Broadcasts', icon: 'send', component: BroadcastPage },
  { path: 'history', title: 'History', section: 'Broadcasts', icon: 'history', component: HistoryPage },
  { path: 'history/:sendId', title: 'Send', component: SendPage },
  { path: 'logs', title: 'Logs', section: 'Broadcasts', icon: 'file', component: LogsPage },
  { path: 'logs/:sendId', title: 'Log', component: LogViewPage },
  { path: 'drafts', title: 'Drafts', section: 'Broadcasts', icon: 'drafts', component: DraftsPage },
  { path: 'events', title: 'Events', section: 'Broadcasts', icon: 'events', component: EventsPage },
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
