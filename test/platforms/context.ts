// Helpers of the tg / vk / viber tests: fixtures, channel contexts, documented-shape check.
// (test/platforms/helpers.ts belongs to the wa/fb/instagram/ok tests.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ChannelContext } from '../../src/platforms/types.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Exact bytes of test/fixtures/<platform>/<name>.json. */
export function fixtureRaw(platform: string, name: string): Buffer {
  return readFileSync(new URL(`${platform}/${name}.json`, FIXTURES));
}

export function fixture<T = unknown>(platform: string, name: string): T {
  return JSON.parse(fixtureRaw(platform, name).toString('utf8')) as T;
}

export function channelFor(baseUrl: string, credentials: Record<string, string>, webhookSecret = 'whsec_test-123'): ChannelContext {
  return { channelId: 1, baseUrl, credentials, webhookSecret };
}

/** A base URL nobody listens on (connection refused → the request never left this machine). */
export const DEAD_BASE_URL = 'http://127.0.0.1:1';

function kind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Every field we sent exists in the documented sample with the same JSON type (array items are
 * compared with the sample's first item): we send nothing the documentation does not show.
 */
export function assertDocumentedShape(actual: unknown, documented: unknown, path = '$'): void {
  assert.equal(kind(actual), kind(documented), `${path}: ${kind(actual)} where the documentation has ${kind(documented)}`);
  if (Array.isArray(actual) && Array.isArray(documented)) {
    if (documented.length > 0) actual.forEach((item, i) => assertDocumentedShape(item, documented[0], `${path}[${i}]`));
    return;
  }
  if (kind(actual) === 'object') {
    const doc = documented as Record<string, unknown>;
    for (const [key, value] of Object.entries(actual as Record<string, unknown>)) {
      assert.ok(key in doc, `${path}.${key} is not in the documented sample`);
      assertDocumentedShape(value, doc[key], `${path}.${key}`);
    }
  }
}
