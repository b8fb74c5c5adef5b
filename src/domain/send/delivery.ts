// The states of one delivery (one message to one subscriber in one run):
//   queued → in_flight → sent | failed | unknown, or back to queued (retry, rate limit, release);
//   held (an open operator chat) → queued when the chat closes, failed when the hold expires;
//   queued | held → cancelled when the send is stopped.
// `unknown`: the request may have reached the platform and no answer came; never sent again unless
// the platform de-duplicates.
export type DeliveryState = 'queued' | 'held' | 'in_flight' | 'sent' | 'failed' | 'cancelled' | 'unknown';
