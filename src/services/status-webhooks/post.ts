// One signed POST to a status webhook endpoint. It goes through the same keep-alive client as every
// platform request (src/platforms/http.ts), whose connector applies the outbound policy to the
// address actually connected to, after DNS, on every new connection: an endpoint whose name leads
// to 127.0.0.1 or a private network is refused before a byte leaves (unless
// BOTCAST_ALLOW_PRIVATE_BASE_URLS=true, as for platforms). Redirects are not followed. Only the
// status code and a short, cleaned excerpt of the answer are kept — never the endpoint's body.
import { request } from 'undici';
import { httpAgent, platformReason } from '../../platforms/http.ts';
import { ADDRESS_REFUSED } from '../../security/outbound-policy.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../../security/webhook-signature.ts';

/** Bytes of an answer read at most (the rest is dropped unread). */
const READ_AT_MOST = 2048;
/** Characters of the answer or error kept in the delivery log. */
export const EXCERPT_CHARS = 200;

export interface PostResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** Why it failed, or a short excerpt of a 2xx answer; null when there is nothing worth saying. */
  error: string | null;
}

function describeNetworkError(error: unknown): string {
  const err = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const refused = err.code === ADDRESS_REFUSED ? err : err.cause?.code === ADDRESS_REFUSED ? err.cause : null;
  if (refused) return platformReason(String(refused.message).replace('the API base URL', 'the endpoint URL'), 'address refused', [], 300);
  if (err.code === 'UND_ERR_ABORTED' || (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError') {
    return 'no answer in time';
  }
  const code = err.code ?? err.cause?.code;
  const text = platformReason(err.cause?.message ?? err.message, 'network error', [], EXCERPT_CHARS);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}

export async function postSigned(
  url: string,
  secret: string,
  payload: object,
  options: { timeoutMs: number; webhookId: number },
): Promise<PostResult> {
  const body = JSON.stringify(payload);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await request(url, {
      dispatcher: httpAgent,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Botcast-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(secret, body),
        'botcast-webhook-id': String(options.webhookId),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const chunks: Buffer[] = [];
    let read = 0;
    try {
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        read += chunk.length;
        if (read >= READ_AT_MOST) break;
      }
    } catch {
      // An answer cut off after its status line: the status is what counts.
    } finally {
      res.body.destroy();
    }
    const excerpt = platformReason(Buffer.concat(chunks).subarray(0, READ_AT_MOST).toString('utf8'), '', [], EXCERPT_CHARS);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    return {
      ok,
      statusCode: res.statusCode,
      durationMs: elapsed(),
      error: ok ? null : `HTTP ${res.statusCode}${excerpt ? `: ${excerpt}` : ''}`,
    };
  } catch (error) {
    return { ok: false, statusCode: null, durationMs: elapsed(), error: describeNetworkError(error) };
  }
}
