// Instagram webhook: same authenticity scheme as every Meta webhook (meta-common/webhook.ts) and
// `{"object":"instagram","entry":[{"messaging":[…]}]}` events (developers.facebook.com/documentation/
// instagram-platform/webhooks/examples). Echoes of our own sends and deletions are skipped.
import { credential } from '../meta-common/json.ts';
import { parseMessagingEvents } from '../meta-common/send-api.ts';
import { verifyMetaRequest } from '../meta-common/webhook.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';

export function verifyInstagram(channel: ChannelContext, request: InboundRequest): VerifyResult {
  return verifyMetaRequest(request, credential(channel.credentials, 'appSecret'), credential(channel.credentials, 'verifyToken'));
}

export function parseInstagram(body: unknown): InboundEvent[] {
  return parseMessagingEvents(body, 'instagram');
}
