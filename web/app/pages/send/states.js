// The send page's words and badge tones: a send's status, and each type of log event. LIVE: the
// statuses whose progress is followed live.
export const LIVE = ['grace', 'delivering', 'paused', 'waiting_for_chats'];
export const STATUS = {
  grace: ['info', 'In the grace window'],
  scheduled: ['info', 'Scheduled'],
  periodic: ['info', 'Periodic'],
  delivering: ['info', 'Delivering'],
  paused: ['warn', 'Paused'],
  waiting_for_chats: ['warn', 'Waiting for operator chats'],
  completed: ['good', 'Completed'],
  stopped: ['warn', 'Stopped'],
  deleted: ['neutral', 'Deleted'],
};
export const EVENT_TONE = {
  finished: 'good',
  stopped: 'warn',
  paused: 'warn',
  run_paused: 'warn',
  run_resumed: 'info',
  held: 'warn',
  hold_expired: 'bad',
  chats_closed: 'info',
  deleted: 'neutral',
  unknown_users: 'warn',
  blocked_users: 'warn',
};
