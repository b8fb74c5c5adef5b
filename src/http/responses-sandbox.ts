// What the sandbox routes answer (split from responses.ts for length).
import { Type } from '@sinclair/typebox';
import { DateTime, Id } from './schemas.ts';
import { doc, Int, Json, Str } from './responses.ts';

export const SandboxWrite = doc(Type.Object({ subscriberId: Id, chatsClosed: Int }));
export const SandboxMessage = doc(
  Type.Object({
    id: Id,
    userId: Str,
    direction: Type.String({ description: 'in (the user wrote) or out (the bot sent)' }),
    body: Json('The message'),
    createdAt: DateTime,
  }),
);
export const SandboxBehaviour = doc(Type.Object({ userId: Str, behaviour: Str }));
