// The one list of platforms. Adding a platform: one folder under src/platforms/<code>/ whose
// index.ts exports a `descriptor` (src/platforms/descriptor.ts) and a client, and one line here.
// Everything else derives from this list: the PlatformCode type, PLATFORM_CODES, the API's platform
// enums (src/http/schemas.ts), GET /api/platforms and, through it, the panel.
import type { Queryable } from '../storage/db.ts';
import type { PlatformDescriptor } from './descriptor.ts';
import type { PlatformRegistry } from './registry-types.ts';
import type { PlatformClient } from './types.ts';
import * as tg from './tg/index.ts';
import * as wa from './wa/index.ts';
import * as viber from './viber/index.ts';
import * as vk from './vk/index.ts';
import * as fb from './fb/index.ts';
import * as instagram from './instagram/index.ts';
import * as ok from './ok/index.ts';
import * as sandbox from './sandbox/index.ts';

/** Every platform folder, in the order lists show them (API enums, previews, error messages). */
const PLATFORMS = [
  { descriptor: tg.descriptor, client: () => tg.telegram },
  { descriptor: wa.descriptor, client: () => wa.whatsapp },
  { descriptor: viber.descriptor, client: () => viber.viber },
  { descriptor: vk.descriptor, client: () => vk.vk },
  { descriptor: fb.descriptor, client: () => fb.messenger },
  { descriptor: instagram.descriptor, client: () => instagram.instagram },
  { descriptor: ok.descriptor, client: () => ok.ok },
  { descriptor: sandbox.descriptor, client: (db: Queryable) => sandbox.createSandboxClient(db) },
] as const satisfies ReadonlyArray<{ descriptor: PlatformDescriptor; client: (db: Queryable) => PlatformClient }>;

export type PlatformCode = (typeof PLATFORMS)[number]['descriptor']['code'];

export const PLATFORM_DESCRIPTORS: ReadonlyArray<PlatformDescriptor & { code: PlatformCode }> = PLATFORMS.map((p) => p.descriptor);

export const PLATFORM_CODES: readonly PlatformCode[] = PLATFORMS.map((p) => p.descriptor.code);

export function isPlatformCode(value: unknown): value is PlatformCode {
  return typeof value === 'string' && (PLATFORM_CODES as readonly string[]).includes(value);
}

export function buildRegistry(db: Queryable): PlatformRegistry {
  return new Map(PLATFORMS.map((p) => [p.descriptor.code, p.client(db)]));
}
