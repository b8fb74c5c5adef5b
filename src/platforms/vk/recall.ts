// VK: messages.delete with delete_for_all=1 on a message the community sent (issue 17 point 12).
// For everyone only within 24 hours of sending (VK's rule for "delete for all"; error 924 after).
// VK has messages.edit too, but Botcast offers recall only there: editing is not asked of VK.
// A message already deleted counts as done (a job taken again after a crash asks twice).
import { httpCall } from '../http.ts';
import type { ChannelContext, RecallOutcome, RecallSupport } from '../types.ts';
import { VK_API_VERSION } from './client.ts';

async function deleteForAll(
  channel: ChannelContext,
  r: { recipient: string; messageId: string; timeoutMs: number },
): Promise<RecallOutcome> {
  const token = channel.credentials.accessToken ?? '';
  if (!token) return { ok: false, retry: false, code: 'missing_credentials', text: 'The channel has no VK access token' };
  const result = await httpCall(`${channel.baseUrl}/method/messages.delete`, {
    form: { message_ids: r.messageId, delete_for_all: '1', peer_id: r.recipient, access_token: token, v: VK_API_VERSION },
    timeoutMs: r.timeoutMs,
    secrets: [token],
  });
  if (result.kind === 'network') return { ok: false, retry: true, code: 'network', text: result.message };
  const body = (result.body ?? {}) as { response?: unknown; error?: { error_code?: number; error_msg?: string } };
  if (result.status === 200 && body.response !== undefined) return { ok: true };
  const code = body.error?.error_code;
  const text = body.error?.error_msg ?? `HTTP ${result.status}`;
  if (code === 6 || code === 9 || code === 10 || result.status >= 500)
    return { ok: false, retry: true, code: String(code ?? result.status), text };
  if (/already deleted/i.test(text)) return { ok: true };
  return { ok: false, retry: false, code: String(code ?? result.status), text };
}

export const vkRecall: RecallSupport = { deleteWithinHours: 24, editWithinHours: null, delete: deleteForAll };
