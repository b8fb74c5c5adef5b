// Telegram: deleteMessage and editMessageText on a message the bot sent (issue 17 point 12). The
// Bot API deletes a message only if it was sent less than 48 hours ago (core.telegram.org/bots/api
// #deletemessage); Botcast edits within the same 48 hours. A message already gone ("message to
// delete not found") or already showing the text ("message is not modified") counts as done: a job
// taken again after a crash asks twice.
import { httpCall, redact } from '../http.ts';
import type { ChannelContext, RecallOutcome, RecallSupport } from '../types.ts';

const chatId = (recipient: string): number | string => (/^-?\d{1,15}$/.test(recipient) ? Number(recipient) : recipient);

async function call(channel: ChannelContext, method: string, body: Record<string, unknown>, timeoutMs: number): Promise<RecallOutcome> {
  const token = channel.credentials.token ?? '';
  if (!token) return { ok: false, retry: false, code: 'missing_credentials', text: 'The channel has no Telegram bot token' };
  const result = await httpCall(`${channel.baseUrl}/bot${token}/${method}`, { json: body, timeoutMs, secrets: [token] });
  if (result.kind === 'network') return { ok: false, retry: true, code: 'network', text: result.message };
  const envelope = (result.body ?? {}) as { ok?: boolean; description?: string; parameters?: { retry_after?: number } };
  if (result.status === 200 && envelope.ok === true) return { ok: true };
  const text = redact(envelope.description ?? `HTTP ${result.status}`, [token]);
  if (/message to delete not found|message is not modified/i.test(text)) return { ok: true };
  if (result.status === 429)
    return { ok: false, retry: true, retryAfterMs: (envelope.parameters?.retry_after ?? 1) * 1000, code: '429', text };
  return { ok: false, retry: result.status >= 500, code: String(result.status), text };
}

export const telegramRecall: RecallSupport = {
  deleteWithinHours: 48,
  editWithinHours: 48,
  delete: (channel, r) => call(channel, 'deleteMessage', { chat_id: chatId(r.recipient), message_id: Number(r.messageId) }, r.timeoutMs),
  editText: (channel, r) =>
    call(channel, 'editMessageText', { chat_id: chatId(r.recipient), message_id: Number(r.messageId), text: r.text }, r.timeoutMs),
};
