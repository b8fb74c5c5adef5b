// The last signed and the last refused webhook request of each channel: what "Check connection" on
// the channel page reads (issue 16 point 4). A person sends a test event from the platform's own
// settings (Meta's "Test" button, VK's "Confirm"), then checks here whether it got through, and if
// it was refused, why (a wrong app secret, a secret key that does not match).
//
// Inbound requests come by the thousand (receipts), and a refused one may come from anyone on the
// internet: each process writes a channel's times at most every WRITE_EVERY_MS, one statement, in
// the background (the platform's answer never waits for it).
import type { Queryable } from '../storage/db.ts';

const WRITE_EVERY_MS = 2_000;

interface Logger {
  warn(obj: object, msg: string): void;
}

export class WebhookHealth {
  private readonly lastWrite = new Map<string, number>();

  constructor(
    private readonly db: Queryable,
    private readonly logger: Logger,
  ) {}

  /** A request whose signature, verify token or handshake checked out. */
  signed(channelId: number) {
    if (!this.due(`s${channelId}`)) return;
    this.write('UPDATE channels SET webhook_signed_at = now() WHERE id = $1', [channelId]);
  }

  /** A request refused: `reason` is the platform module's own words, never the request's. */
  refused(channelId: number, reason: string) {
    if (!this.due(`r${channelId}`)) return;
    this.write('UPDATE channels SET webhook_refused_at = now(), webhook_refused_reason = $2 WHERE id = $1', [
      channelId,
      reason.slice(0, 300),
    ]);
  }

  private due(key: string): boolean {
    const now = Date.now();
    if (now - (this.lastWrite.get(key) ?? 0) < WRITE_EVERY_MS) return false;
    this.lastWrite.set(key, now);
    return true;
  }

  private write(sql: string, params: unknown[]) {
    this.db.query(sql, params).catch((err: unknown) => this.logger.warn({ err }, 'could not note the webhook’s last request'));
  }
}
