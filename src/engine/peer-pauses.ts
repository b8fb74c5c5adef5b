// A platform's "slow down", told by the worker that read it straight to every other worker: one
// signed UDP datagram each, sent in the same tick as the read. The NOTIFY through the database
// (channel-pauses.ts) stays, for workers this one does not know yet and as the durable record, but
// it crosses three processes (this worker's backend, the listener's backend, the listener): a
// three-worker chaos run at load 12–15 on 2 cores heard it 127 ms after the read, and requests
// left into the pause meanwhile (issue 20 point 2). A datagram wakes the listener directly.
//
// Who may pause: only a datagram signed with the database's peer key (HMAC-SHA256) is heard, and
// a pause longer than MAX_PEER_PAUSE_MS is cut to that. A pause only ever holds sending back; a
// replayed datagram repeats a pause that was already true.
import { createSocket, type Socket } from 'node:dgram';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../storage/db.ts';
import { announcePeer, peerAddresses, peerKey } from './sql/peers.ts';

/** The longest pause a datagram can set; the database's record (polled by every worker) holds longer ones. */
export const MAX_PEER_PAUSE_MS = 10 * 60_000;

/** `<channel id>:<until, ms on the database clock>:<hex HMAC of both>` */
export function signPause(key: string, channelId: number, untilDbMs: number): string {
  const body = `${channelId}:${Math.floor(untilDbMs)}`;
  return `${body}:${createHmac('sha256', key).update(body).digest('hex')}`;
}

/** The pause a datagram announces, or null when it is not one signed with `key`. */
export function verifyPause(key: string, message: string): { channelId: number; untilDbMs: number } | null {
  const parts = message.split(':');
  if (parts.length !== 3 || !/^\d{1,12}$/.test(parts[0]) || !/^\d{1,16}$/.test(parts[1]) || !/^[0-9a-f]{64}$/.test(parts[2])) return null;
  const expected = createHmac('sha256', key).update(`${parts[0]}:${parts[1]}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(parts[2], 'hex'))) return null;
  return { channelId: Number(parts[0]), untilDbMs: Number(parts[1]) };
}

export interface PeerPausesOptions {
  /** The address this worker listens on (and gives the others): loopback unless workers run on several hosts. */
  host: string;
  /** A pause heard from a peer (database clock), already verified. */
  onPause(channelId: number, untilDbMs: number): void;
  /** Now on the database clock, to cut over-long pauses. */
  dbNow(): number;
}

export class PeerPauses {
  private socket: Socket | null = null;
  private key = '';
  private peers: string[] = [];
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly workerId: string,
    private readonly options: PeerPausesOptions,
  ) {}

  /** Listens, records the address on this worker's row and reads the others'. */
  async start() {
    this.key = await peerKey(this.db, randomBytes(32).toString('hex'));
    const socket = createSocket(this.options.host.includes(':') ? 'udp6' : 'udp4');
    socket.on('message', (message) => this.heard(message));
    socket.on('error', (error) => this.logger.warn({ err: error }, 'peer pause socket error'));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, this.options.host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    socket.unref();
    this.socket = socket;
    await this.register();
  }

  /** Where this worker listens, `host:port` (`[v6]:port`). */
  address(): string | null {
    if (!this.socket) return null;
    const { address, port } = this.socket.address();
    return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  }

  /** Records this worker's address again (its row was re-created after it was presumed dead). */
  async register() {
    const address = this.address();
    if (!address) return;
    await announcePeer(this.db, this.workerId, address);
    await this.refresh();
  }

  /** Reads the other workers' addresses (at every heartbeat, and when a worker announces itself). */
  refresh(): Promise<void> {
    this.refreshing ??= peerAddresses(this.db, this.workerId)
      .then((peers) => void (this.peers = peers))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not read the peer workers'))
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** The other workers' addresses as last read. */
  known(): readonly string[] {
    return this.peers;
  }

  /** Tells every known worker of a pause at once (best effort: the NOTIFY and the database record follow). */
  announce(channelId: number, untilDbMs: number) {
    const socket = this.socket;
    if (!socket || this.peers.length === 0) return;
    const message = Buffer.from(signPause(this.key, channelId, untilDbMs));
    for (const peer of this.peers) {
      const at = peer.lastIndexOf(':');
      const host = peer.slice(0, at).replace(/^\[|\]$/g, '');
      socket.send(message, Number(peer.slice(at + 1)), host, () => {});
    }
  }

  private heard(message: Buffer) {
    if (message.length > 200) return;
    const pause = verifyPause(this.key, message.toString('latin1'));
    if (!pause) return;
    this.options.onPause(pause.channelId, Math.min(pause.untilDbMs, this.options.dbNow() + MAX_PEER_PAUSE_MS));
  }

  stop() {
    this.socket?.close();
    this.socket = null;
  }
}
