// Helpers shared by the platform client tests (test/platforms/*.test.ts): the fake platform server
// of the file, documentation samples, channel contexts, synthetic answers, the documented-shape check.
import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HttpResult } from '../../src/platforms/http.ts';
import type { ChannelContext, InboundRequest } from '../../src/platforms/types.ts';
import { configureOutboundPolicy } from '../../src/security/outbound-policy.ts';
import { startFakeServer, type FakeServer, type FakeServerOptions } from '../fakes/server.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Exact bytes of a documentation sample, test/fixtures/<platform>/<name> (`.json` when the name has no extension). */
export function rawFixture(platform: string, name: string): Buffer {
  return readFileSync(new URL(`${platform}/${name.includes('.') ? name : `${name}.json`}`, FIXTURES));
}

export function fixture<T = unknown>(platform: string, name: string): T {
  return JSON.parse(rawFixture(platform, name).toString('utf8')) as T;
}

/** The file's fake platform server (set before its tests run; module exports are live). */
export let fake: FakeServer;

/**
 * Starts the file's fake platform server before its tests (`started` then sees it: a channel
 * context on its URL), empties its records before each and closes it after them. The fake listens
 * on 127.0.0.1, which the outbound policy refuses unless allowed (an app allows it with
 * BOTCAST_ALLOW_PRIVATE_BASE_URLS=true; these tests call the clients without one).
 */
export function useFakePlatform(options: FakeServerOptions = {}, started?: (fake: FakeServer) => void) {
  configureOutboundPolicy({ allowPrivate: true });
  before(async () => {
    fake = await startFakeServer(options);
    started?.(fake);
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());
}

export function channelFor(baseUrl: string, credentials: Record<string, string>, webhookSecret = 'whsec_test-123'): ChannelContext {
  return { channelId: 1, baseUrl, credentials, webhookSecret };
}

/** A base URL nobody listens on (connection refused → the request never left this machine). */
export const DEAD_BASE_URL = 'http://127.0.0.1:1';

/** Meta's X-Hub-Signature-256 value for a body. */
export function hubSignature(raw: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export function post(rawBody: Buffer, headers: Record<string, string> = {}, query: Record<string, string> = {}): InboundRequest {
  return { method: 'POST', headers, query, rawBody };
}

/** A synthetic HTTP answer, for classification tables. */
export function answer(status: number, body: unknown, headers: Record<string, string> = {}): Extract<HttpResult, { kind: 'response' }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  return { kind: 'response', status, headers, body: parsed, text };
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Every field of `actual` exists in the documented sample with the same JSON type (an array item
 * must match one of the sample's items): we send nothing the documentation does not show.
 */
export function assertDocumentedShape(actual: unknown, documented: unknown, path = '$'): void {
  assert.equal(kind(actual), kind(documented), `${path}: ${kind(actual)} where the documentation has ${kind(documented)}`);
  if (Array.isArray(actual) && Array.isArray(documented)) {
    if (documented.length === 0) return;
    // Arrays may mix item kinds (OK attachments): an item must match at least one documented item.
    actual.forEach((item, i) => {
      const errors: unknown[] = [];
      for (const sample of documented) {
        try {
          return assertDocumentedShape(item, sample, `${path}[${i}]`);
        } catch (error) {
          errors.push(error);
        }
      }
      throw errors[0];
    });
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
