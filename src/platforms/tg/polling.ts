// Telegram long polling (getUpdates) for machines without a public URL. Telegram forgets updates
// below the offset of the next call, so the caller stores an update and the next offset in one
// transaction: nothing is processed twice across restarts, nothing is lost.
import { httpCall, redact } from '../http.ts';
import type { ChannelContext, PollResult } from '../types.ts';

export async function pollTelegram(channel: ChannelContext, offset: number, timeoutSec: number): Promise<PollResult> {
  const token = channel.credentials.token ?? '';
  const result = await httpCall(`${channel.baseUrl}/bot${token}/getUpdates`, {
    json: { offset, timeout: timeoutSec, limit: 100, allowed_updates: ['message', 'my_chat_member'] },
    timeoutMs: timeoutSec * 1000 + 10_000,
    secrets: [token],
  });
  if (result.kind === 'network') return { ok: false, error: redact(result.message, [token]) };
  const body = result.body as
    { ok?: boolean; result?: Array<{ update_id: number }>; description?: string; parameters?: { retry_after?: number } } | undefined;
  if (result.status === 200 && body?.ok && Array.isArray(body.result)) {
    return { ok: true, updates: body.result.map((u) => ({ id: u.update_id, body: u })) };
  }
  const retry = body?.parameters?.retry_after;
  const error = redact(body?.description ?? `HTTP ${result.status}`, [token]);
  // 409: a webhook is set — getUpdates and webhooks exclude each other.
  return {
    ok: false,
    error: result.status === 409 ? `${error} (delete the webhook to use long polling)` : error,
    retryAfterMs: retry ? retry * 1000 : undefined,
  };
}
