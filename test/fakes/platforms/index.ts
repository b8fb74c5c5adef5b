// The fake server's platforms: the file test/fakes/platforms/<code>.ts of every platform of the
// registry (src/platforms/registry.ts) that has one (the sandbox needs none), by its default export.
// Their `claims` do not overlap; an explicit `/<code>/` path prefix always wins.
import { existsSync } from 'node:fs';
import { PLATFORM_CODES } from '../../../src/platforms/registry.ts';
import type { FakePlatformFactory } from '../types.ts';

const withFakes = PLATFORM_CODES.filter((code) => existsSync(new URL(`./${code}.ts`, import.meta.url)));

export const FAKE_PLATFORMS: FakePlatformFactory[] = await Promise.all(
  withFakes.map(async (code) => ((await import(`./${code}.ts`)) as { default: FakePlatformFactory }).default),
);
