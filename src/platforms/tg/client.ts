// Telegram Bot API transport: POST {base}/bot<token>/<method>, JSON. The token sits in the URL
// path, so every text that leaves this file goes through `redact`.
import { httpCall, networkOutcome, platformReason, redact } from '../http.ts';
import type { ChannelContext, CredentialCheck, Outcome, SendRequest } from '../types.ts';
import { classifyTelegram } from './classify.ts';

function tokenOf(channel: ChannelContext): string {
  return channel.credentials.token ?? '';
}

/** Numeric chat ids go out as JSON numbers (as in the docs); anything else (e.g. "@channel") as a string. */
function chatId(recipient: string): number | string {
  return /^-?\d{1,15}$/.test(recipient) ? Number(recipient) : recipient;
}

function call(channel: ChannelContext, method: string, body: Record<string, unknown>, timeoutMs?: number) {
  const token = tokenOf(channel);
  return httpCall(`${channel.baseUrl}/bot${token}/${method}`, { json: body, timeoutMs, secrets: [token] });
}

export async function sendTelegram(channel: ChannelContext, request: SendRequest): Promise<Outcome> {
  const token = tokenOf(channel);
  if (!token) return { class: 'permanent', code: 'missing_credentials', text: 'The channel has no Telegram bot token' };
  if (request.message.calls.length === 0) return { class: 'permanent', code: 'empty_message', text: 'Nothing to send' };
  let firstId: string | undefined;
  // A paid broadcast (channel option): every message of it, up to 1000/s, 0.1 Star each (index.ts).
  const paid = channel.paidBroadcast ? { allow_paid_broadcast: true } : {};
  for (const c of request.message.calls) {
    const result = await call(channel, c.method, { chat_id: chatId(request.recipient), ...c.body, ...paid }, request.timeoutMs);
    const outcome = result.kind === 'network' ? networkOutcome(result) : classifyTelegram(result.status, result.body, [token]);
    if (outcome.class !== 'sent') return outcome;
    firstId ??= outcome.platformMessageId;
  }
  return { class: 'sent', platformMessageId: firstId ?? '' };
}

function failure(channel: ChannelContext, result: Awaited<ReturnType<typeof call>>, action: string): CredentialCheck {
  const token = tokenOf(channel);
  if (result.kind === 'network') {
    return {
      ok: false,
      unreachable: true,
      error: redact(`Could not reach Telegram at ${channel.baseUrl} to ${action}: ${result.message}`, [token]),
    };
  }
  const description = platformReason((result.body as { description?: unknown } | undefined)?.description, `HTTP ${result.status}`, [token]);
  if (result.status === 401 || result.status === 404) {
    return { ok: false, error: `Telegram does not accept this bot token (${description}). Copy the token again from @BotFather.` };
  }
  return { ok: false, error: `Telegram refused to ${action}: ${description}` };
}

export async function checkTelegram(channel: ChannelContext): Promise<CredentialCheck> {
  if (!tokenOf(channel)) return { ok: false, error: 'The bot token is missing.' };
  const result = await call(channel, 'getMe', {});
  const me =
    result.kind === 'response'
      ? (result.body as { ok?: boolean; result?: { first_name?: string; username?: string } } | undefined)
      : undefined;
  if (result.kind === 'response' && result.status === 200 && me?.ok === true) {
    const name = me.result?.first_name ?? 'Telegram bot';
    return { ok: true, accountName: me.result?.username ? `${name} (@${me.result.username})` : name };
  }
  return failure(channel, result, 'check the bot token');
}

/** setWebhook: Telegram echoes `secret_token` in X-Telegram-Bot-Api-Secret-Token (1–256 chars A-Za-z0-9_-). */
export async function registerTelegramWebhook(channel: ChannelContext, url: string): Promise<CredentialCheck> {
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(channel.webhookSecret)) {
    return { ok: false, error: 'The webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.' };
  }
  const result = await call(channel, 'setWebhook', {
    url,
    secret_token: channel.webhookSecret,
    allowed_updates: ['message', 'my_chat_member'],
  });
  if (result.kind === 'response' && result.status === 200 && (result.body as { ok?: boolean } | undefined)?.ok === true)
    return { ok: true };
  return failure(channel, result, 'set the webhook');
}
