// Drafts (issue 17 point 6): the name is set and edited (without one, the start of the text, cut at
// a word and never ending in a space), and sending an edited draft saves the edits into it only when asked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addChannel, makeWorld, type World } from '../helpers/world.ts';

let t: TestApp;
let w: World;
let sandbox: number;

before(async () => {
  t = await startTestApp({ config: { graceSeconds: 3600 } });
  w = await makeWorld(t);
  sandbox = await addChannel(t, w, 'sandbox');
});
after(() => t.close());

const form = (text: string) => ({ content: { type: 'text', text }, channelIds: [sandbox], audience: { type: 'all' } });
const save = async (body: Record<string, unknown>) => {
  const r = await t.request('POST', `/api/bots/${w.botId}/drafts`, { key: w.key, body });
  assert.equal(r.status, 201, r.text);
  return r.body;
};

test('a draft is named as the user says, trimmed; renamed later; without a name, the start of its text at a word', async () => {
  const named = await save({ name: '  Spring   sale ', form: form('Hello') });
  assert.equal(named.name, 'Spring sale');
  const renamed = await t.request('PATCH', `/api/drafts/${named.id}`, { key: w.key, body: { name: 'Summer sale' } });
  assert.equal(renamed.body.name, 'Summer sale');
  assert.equal(renamed.body.form.content.text, 'Hello', 'renaming keeps the form');

  const long = 'Our big spring sale starts on Monday with discounts on every single item in the shop';
  const unnamed = await save({ form: form(long) });
  assert.equal(unnamed.name, 'Our big spring sale starts on Monday with discounts on…');
  assert.doesNotMatch(unnamed.name, /\s…$/, 'no space before the ellipsis');
  const cleared = await t.request('PATCH', `/api/drafts/${named.id}`, { key: w.key, body: { name: '   ' } });
  assert.equal(cleared.body.name, 'Hello', 'a cleared name falls back to the text');
});

test('sending an edited draft leaves the draft as it was, unless saveEdits asks to keep the edits', async () => {
  const draft = await save({ name: 'Weekly', form: form('Version 1') });
  const plain = await t.request('POST', `/api/drafts/${draft.id}/send`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Version 2' } },
  });
  assert.equal(plain.status, 201, plain.text);
  assert.equal((await t.request('GET', `/api/drafts/${draft.id}`, { key: w.key })).body.form.content.text, 'Version 1');

  const kept = await t.request('POST', `/api/drafts/${draft.id}/send?saveEdits=true`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Version 3' } },
  });
  assert.equal(kept.status, 201, kept.text);
  const after = (await t.request('GET', `/api/drafts/${draft.id}`, { key: w.key })).body;
  assert.equal(after.form.content.text, 'Version 3');
  assert.equal(after.name, 'Weekly');
  assert.deepEqual(after.form.channelIds, [sandbox]);

  // A refused send saves nothing.
  const refused = await t.request('POST', `/api/drafts/${draft.id}/send?saveEdits=true`, {
    key: w.key,
    body: { content: { type: 'text', text: 'Version 4' }, channelIds: [999999] },
  });
  assert.equal(refused.status, 400, refused.text);
  assert.equal((await t.request('GET', `/api/drafts/${draft.id}`, { key: w.key })).body.form.content.text, 'Version 3');
});
