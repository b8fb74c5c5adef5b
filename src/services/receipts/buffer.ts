// Receipts arrive in bursts of thousands a second, one or a few per webhook request. Each request
// adds its receipts here and waits; one batch at a time is written (recordReceipts: two statements,
// one transaction), and whatever arrived meanwhile forms the next batch. The answer to the platform
// waits for its batch's commit — a 200 means stored, and a failed batch answers 500 so that the
// platform delivers the webhook again — while the database sees one statement per status per batch
// instead of one per receipt.
import type { Db } from '../../storage/db.ts';
import { recordReceipts, type Receipt, type ReceiptChannel, type ReceiptRow } from './record.ts';

/** The most receipts in one batch (a burst larger than this is written in several). */
export const RECEIPT_BATCH = 5000;
/** How long a lone receipt waits for company before its batch is written. */
export const RECEIPT_GATHER_MS = 2;

interface Pending {
  rows: ReceiptRow[];
  done: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export class ReceiptBuffer {
  private pending: Pending = { rows: [], done: [] };
  private writing = false;
  private timer: NodeJS.Timeout | null = null;
  /** Receipts recorded (changed a delivery) since start: delivered and read. */
  readonly totals = { delivered: 0, read: 0, batches: 0 };

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Adds receipts of one channel; resolves with their count once the batch holding them is committed. */
  add(channel: ReceiptChannel, receipts: Receipt[]): Promise<number> {
    if (receipts.length === 0) return Promise.resolve(0);
    return new Promise<number>((resolve, reject) => {
      for (const receipt of receipts)
        this.pending.rows.push({ channel: { id: channel.id, bot_id: channel.bot_id, platform: channel.platform }, receipt });
      this.pending.done.push({ resolve: () => resolve(receipts.length), reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.writing || this.timer) return;
    if (this.pending.rows.length >= RECEIPT_BATCH) void this.write();
    else this.timer = setTimeout(() => void this.write(), RECEIPT_GATHER_MS);
  }

  private async write() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing || this.pending.rows.length === 0) return;
    this.writing = true;
    const batch = this.pending;
    this.pending = { rows: [], done: [] };
    try {
      for (let i = 0; i < batch.rows.length; i += RECEIPT_BATCH) {
        const slice = batch.rows.slice(i, i + RECEIPT_BATCH);
        const recorded = await this.db.transaction((tx) => recordReceipts(tx, slice));
        this.totals.delivered += recorded.delivered;
        this.totals.read += recorded.read;
        this.totals.batches += 1;
      }
      for (const d of batch.done) d.resolve();
    } catch (error) {
      this.onError(error);
      for (const d of batch.done) d.reject(error);
    } finally {
      this.writing = false;
    }
    if (this.pending.rows.length > 0) this.schedule();
  }
}
