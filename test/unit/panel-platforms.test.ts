// The panel's connect form (web/app/platforms.js) asks for what each platform module needs: the
// same platforms, credential fields, names and default rates as src/platforms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRegistry } from '../../src/platforms/registry.ts';
import { PLATFORM_CODES, type PlatformCode } from '../../src/platforms/types.ts';
import type { Queryable } from '../../src/storage/db.ts';

interface PanelPlatform {
  code: string;
  name: string;
  defaultRate: number;
  credentials: Array<{ key: string; label: string; optional?: boolean }>;
}

test('web/app/platforms.js matches the platform modules', async () => {
  // A browser module without imports; loaded by URL so the type checker leaves web/ alone.
  const panel: { PLATFORMS: PanelPlatform[] } = await import(new URL('../../web/app/platforms.js', import.meta.url).href);
  const registry = buildRegistry({} as Queryable);
  assert.deepEqual(panel.PLATFORMS.map((p) => p.code).sort(), [...PLATFORM_CODES].sort());
  for (const p of panel.PLATFORMS) {
    const client = registry.get(p.code as PlatformCode)!;
    assert.ok(client, p.code);
    assert.equal(p.name, client.displayName, `${p.code} name`);
    assert.equal(p.defaultRate, client.defaultRatePerSecond, `${p.code} default rate`);
    const required = p.credentials.filter((c) => !c.optional).map((c) => c.key);
    assert.deepEqual(required, [...client.credentialFields], `${p.code} credential fields`);
    for (const c of p.credentials) assert.ok(c.label, `${p.code}.${c.key} has a label`);
  }
});
