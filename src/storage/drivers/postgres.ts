// PostgreSQL through a node-postgres pool: the mode for several API and worker processes.
import pg from 'pg';
import { INT8_OID, NUMERIC_OID, type Db, type Queryable } from '../db.ts';
import { SESSION_SETTINGS } from './session.ts';

const parseNumber = (value: string) => Number(value);

function typeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === INT8_OID || oid === NUMERIC_OID) return parseNumber;
  return pg.types.getTypeParser(oid, format);
}

const LISTEN_RETRY_MS = 100;
const LISTEN_RETRY_MAX_MS = 2_000;

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other queries). A lost
 * connection is opened again with a growing delay; then onNotify(null) says notifications may
 * have been missed. Errors are not thrown: the listener's owner polls anyway.
 */
async function listenOn(
  url: string,
  channel: string,
  onNotify: (payload: string | null) => void,
  onLostListening: () => void,
): Promise<{ stop: () => Promise<void>; notify: (payload: string) => Promise<boolean> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let delay = LISTEN_RETRY_MS;
  const connect = async (again: boolean) => {
    timer = null;
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (client === c) {
        client = null;
        if (!stopped) onLostListening();
      }
      void c.end().catch(() => {});
      if (stopped) return;
      timer = setTimeout(() => void connect(true), delay);
      delay = Math.min(delay * 2, LISTEN_RETRY_MAX_MS);
    };
    c.on('error', onLost);
    c.on('end', onLost);
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch {
      onLost();
      return;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    delay = LISTEN_RETRY_MS;
    if (again) onNotify(null);
  };
  await connect(false);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
    // On the listening connection, idle but for notifications: no wait for a pooled one.
    async notify(payload: string) {
      if (!client) return false;
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
      return true;
    },
  };
}

export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<Db> {
  const listeners = new Set<() => Promise<void>>();
  /** The listening connections' senders, per channel (Db.notifyNow). */
  const notifiers = new Map<string, (payload: string) => Promise<boolean>>();
  const pool = new pg.Pool({
    connectionString: url,
    options: Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' '),
    max: options.poolSize ?? 10,
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
  });
  // An idle client losing its connection (e.g. PostgreSQL restarting) must not crash the process.
  pool.on('error', () => {});
  // Nor a client in use: the pool takes its own listener off a client it hands out, and the 'error'
  // event of a connection lost meanwhile (a backend terminated, PostgreSQL restarting) had none —
  // the chaos run's workers died of it in the database cut. The statement under way fails as it
  // should; a client that lost its connection is not put back in the pool.
  pool.on('connect', (client) => client.on('error', () => {}));
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends object>(sql: string, params?: readonly unknown[]) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const root = wrap(pool);
  return {
    engine: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      // A connection lost during the transaction (see the pool's 'connect' listener): its own
      // statements fail, no ROLLBACK is tried on it, and the client is not put back.
      let lost: Error | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!lost) await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release(lost);
        client.off('error', onError);
      }
    },
    async listen(channel, onNotify, onLost) {
      const { stop, notify } = await listenOn(url, channel, onNotify, () => onLost?.());
      notifiers.set(channel, notify);
      const unlisten = async () => {
        listeners.delete(unlisten);
        if (notifiers.get(channel) === notify) notifiers.delete(channel);
        await stop();
      };
      listeners.add(unlisten);
      return unlisten;
    },
    async notifyNow(channel, payload) {
      const viaListener = notifiers.get(channel);
      if (viaListener && (await viaListener(payload))) return;
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await Promise.all([...listeners].map((unlisten) => unlisten()));
      await pool.end();
    },
  };
}
