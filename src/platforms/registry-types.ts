import type { PlatformClient, PlatformCode } from './types.ts';

/** Every platform client by code; built in the composition root (the sandbox client needs the database). */
export type PlatformRegistry = ReadonlyMap<PlatformCode, PlatformClient>;
