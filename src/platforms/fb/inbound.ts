// Messenger webhook: Meta's GET hub.challenge handshake and X-Hub-Signature-256 (meta-common),
// and `{"object":"page","entry":[{"messaging":[…]}]}` events.
import { parseMessagingEvents } from '../meta-common/send-api.ts';
import { credential } from '../meta-common/json.ts';
import { verifyMetaRequest } from '../meta-common/webhook.ts';
import type { ChannelContext, InboundEvent, InboundRequest, VerifyResult } from '../types.ts';

export function verifyMessenger(channel: ChannelContext, request: InboundRequest): VerifyResult {
  return verifyMetaRequest(request, credential(channel.credentials, 'appSecret'), credential(channel.credentials, 'verifyToken'));
}

export function parseMessenger(body: unknown): InboundEvent[] {
  return parseMessagingEvents(body, 'page');
}
