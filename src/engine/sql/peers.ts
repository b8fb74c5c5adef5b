// Where the other workers listen for pause datagrams (peer-pauses.ts), and the key that signs them.
import type { Queryable } from '../../storage/db.ts';
import { WAKE_CHANNEL } from '../../storage/queries/wake.ts';

/** The database's peer key, made with `candidate` by the first worker that asks. */
export async function peerKey(q: Queryable, candidate: string): Promise<string> {
  await q.query('INSERT INTO worker_peer_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [candidate]);
  const rows = await q.query<{ key: string }>('SELECT key FROM worker_peer_key WHERE id = 1');
  return rows[0].key;
}

/** Records where this worker listens, and tells the listening workers to read the list again. */
export async function announcePeer(q: Queryable, workerId: string, address: string) {
  await q.query(`WITH w AS (UPDATE workers SET peer = $2 WHERE id = $1) SELECT pg_notify('${WAKE_CHANNEL}', 'peers')`, [workerId, address]);
}

/** Every other live worker's address. */
export async function peerAddresses(q: Queryable, workerId: string): Promise<string[]> {
  const rows = await q.query<{ peer: string }>('SELECT peer FROM workers WHERE peer IS NOT NULL AND id <> $1', [workerId]);
  return rows.map((r) => r.peer);
}
