// Opt-out and triggers (issue 18 point 4): a firing due for a subscriber who opted out is cancelled
// with that reason; after opting back in, the next firing is delivered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTrigger, makeDue, newTag, received, sandbox, startTriggersApp, t, tag, untag, w, waitFiring } from './trigger-steps.ts';

before(startTriggersApp);
after(() => t.close());

async function write(userId: string, text: string) {
  const r = await t.request('POST', `/api/channels/${sandbox}/sandbox/messages`, { key: w.key, body: { userId, name: userId, text } });
  assert.equal(r.status, 201, r.text);
  return r.body.subscriberId as number;
}

describe('opt-out and triggers', () => {
  test('a trigger skips an opted-out subscriber (cancelled with the reason) and reaches them again after opting in', async () => {
    await newTag('lead');
    const trigger = await createTrigger({
      name: 'welcome',
      tag: 'lead',
      fireAgain: true,
      content: { type: 'text', text: 'Welcome, lead' },
    });
    const ann = await write('ann', 'hi');
    await write('ann', 'Unsubscribe');
    await tag(ann, 'lead');
    await waitFiring(trigger.id, ann, 'pending');
    await makeDue(trigger.id);
    const cancelled = await waitFiring(trigger.id, ann, 'cancelled');
    assert.match(cancelled.reason, /opted out/);

    await write('ann', 'подписаться');
    await untag(ann, 'lead');
    await tag(ann, 'lead');
    await waitFiring(trigger.id, ann, 'pending');
    await makeDue(trigger.id);
    await waitFiring(trigger.id, ann, 'fired');
    await received('ann', 'Welcome, lead');
  });
});
