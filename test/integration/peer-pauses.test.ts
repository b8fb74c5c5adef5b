// A 429 read by one worker reaches the others directly, by a signed datagram (src/engine/peer-pauses.ts),
// besides the NOTIFY through the database: a three-worker chaos run at load 12–15 heard the NOTIFY
// 127 ms after the read, and requests left into the pause meanwhile (issue 20 point 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import pino from 'pino';
import { ENGINE } from '../helpers/engine.ts';
import { startTestApp } from '../helpers/app.ts';
import { waitFor } from '../helpers/world.ts';
import { MAX_PEER_PAUSE_MS, PeerPauses, signPause, verifyPause } from '../../src/engine/peer-pauses.ts';
import { registerWorker } from '../../src/engine/sql/workers.ts';

test('a pause datagram is heard only when signed with the key, for that channel and that end', () => {
  const signed = signPause('k1', 7, 1_700_000_000_123);
  assert.deepEqual(verifyPause('k1', signed), { channelId: 7, untilDbMs: 1_700_000_000_123 });
  assert.equal(verifyPause('k2', signed), null, 'another key');
  assert.equal(verifyPause('k1', signed.replace(/^7:/, '8:')), null, 'another channel');
  assert.equal(verifyPause('k1', signed.replace(':1700000000123:', ':1700000009999:')), null, 'a later end');
  for (const junk of ['', '7:1', '7:1:zz', `x:1:${'0'.repeat(64)}`, `${signed}:1`]) assert.equal(verifyPause('k1', junk), null, junk);
});

test(
  'workers tell each other of a pause by datagram: the one that joins later is known through the database, forged or over-long pauses are not taken',
  { skip: ENGINE !== 'postgres' && 'worker processes share PostgreSQL' },
  async () => {
    const t = await startTestApp({ worker: true });
    const db = t.app.ctx.db;
    const logger = pino({ level: 'silent' });
    const heard: Array<{ channelId: number; untilDbMs: number }> = [];
    const make = async (id: string, onPause: (c: number, u: number) => void) => {
      await registerWorker(db, id, 'test', process.pid);
      const peer = new PeerPauses(db, logger, id, { host: '127.0.0.1', onPause, dbNow: () => Date.now() });
      await peer.start();
      return peer;
    };
    const a = await make('peer-a', () => {});
    const b = await make('peer-b', (channelId, untilDbMs) => heard.push({ channelId, untilDbMs }));
    try {
      // B announced itself after A read the list: the app's worker hears of B through the database
      // ('peers' wake-up) without a heartbeat in between; A is told the same way in a real worker.
      const appWorker = t.app.engine!.worker;
      await waitFor('the app worker to know B', async () => appWorker.pauses.peers!.known().length >= 2, 10_000);
      await a.refresh();
      const until = Date.now() + 2_000;
      a.announce(3, until);
      await waitFor('B to hear the pause', async () => heard.length > 0, 5_000, 2);
      assert.deepEqual(heard, [{ channelId: 3, untilDbMs: until }]);

      // Anyone else on the machine can send to B's port: unsigned, wrongly signed, over-long.
      const bPort = Number(b.address()!.split(':')[1]);
      const intruder = createSocket('udp4');
      const send = (text: string) => new Promise<void>((resolve) => intruder.send(Buffer.from(text), bPort, '127.0.0.1', () => resolve()));
      await send(`4:${Date.now() + 60_000}:${'0'.repeat(64)}`);
      await send(signPause('not-the-key', 4, Date.now() + 60_000));
      a.announce(5, Date.now() + 24 * 3600_000);
      await waitFor('the over-long pause', async () => heard.length > 1, 5_000, 2);
      intruder.close();
      assert.deepEqual(
        heard.map((h) => h.channelId),
        [3, 5],
        'only signed pauses are heard',
      );
      assert.ok(heard[1].untilDbMs <= Date.now() + MAX_PEER_PAUSE_MS, 'cut to the longest a datagram may set');
    } finally {
      a.stop();
      b.stop();
      await t.close();
    }
  },
);
