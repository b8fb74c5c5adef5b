// Every platform client by code. Adding a platform: one folder under src/platforms/ and one line here.
import type { Queryable } from '../storage/db.ts';
import type { PlatformRegistry } from './registry-types.ts';
import type { PlatformClient } from './types.ts';
import { createSandboxClient } from './sandbox/index.ts';
import { telegram } from './tg/index.ts';
import { whatsapp } from './wa/index.ts';
import { viber } from './viber/index.ts';
import { vk } from './vk/index.ts';
import { messenger } from './fb/index.ts';
import { instagram } from './instagram/index.ts';
import { ok } from './ok/index.ts';

export function buildRegistry(db: Queryable): PlatformRegistry {
  const clients: PlatformClient[] = [telegram, whatsapp, viber, vk, messenger, instagram, ok, createSandboxClient(db)];
  return new Map(clients.map((c) => [c.code, c]));
}
