import type { PlatformClient } from './types.ts';

/** Every platform client by code; built in the composition root (the sandbox client needs the database). */
/** Keyed by plain strings: stored rows carry the code as text, and an unknown code finds nothing. */
export type PlatformRegistry = ReadonlyMap<string, PlatformClient>;
