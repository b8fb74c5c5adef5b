// Every platform client by code. Adding a platform: one folder under src/platforms/ and one line here.
import type { Queryable } from '../storage/db.ts';
import type { PlatformRegistry } from './registry-types.ts';
import type { PlatformClient } from './types.ts';
import { createSandboxClient } from './sandbox/index.ts';

export function buildRegistry(db: Queryable): PlatformRegistry {
  const clients: PlatformClient[] = [createSandboxClient(db)];
  return new Map(clients.map((c) => [c.code, c]));
}
