// The disk reserve of embedded mode. PGlite on a full disk does not fail: a commit that cannot
// write its WAL spins at full CPU for as long as the disk stays full, with no log line, no answer
// on /healthz and SIGTERM ignored (issue 20, point 5). So Botcast never lets the data folder's
// filesystem get that far: it reads the free space (statfs) at start and every few seconds, and
// below the reserve it refuses new writes (HTTP 507 insufficient_storage), reports not ready,
// stops claiming and materialising, and logs each change. What is already in flight finishes in
// the reserve: the outcomes of requests that left are small and must be written.
//
// With DATABASE_URL there is no local data folder: PostgreSQL's disk is the database server's
// (it fails a commit with an error rather than hanging), so no reserve is watched.
import { statfs } from 'node:fs/promises';
import { AppError } from '../domain/errors.ts';

const MB = 1024 * 1024;
/** The reserve is never set below this by the percentage: a checkpoint and a few 16 MB WAL segments must fit. */
export const MIN_RESERVE_BYTES = 64 * MB;
/**
 * Below this (or the reserve, when set lower) no commit starts at all (guarded-db.ts). Measured on
 * a 60 MB tmpfs: PGlite's commits hang, spinning, once less than one 16 MB WAL segment is free.
 */
export const CRITICAL_BYTES = 32 * MB;

export interface DiskSpace {
  /** Bytes an unprivileged process may still write (f_bavail × f_bsize). */
  freeBytes: number;
  /** Size of the filesystem, bytes. */
  totalBytes: number;
}

/** Reads the free space of the filesystem holding `dir`. A port: tests pass a simulated one. */
export type ReadDiskSpace = (dir: string) => Promise<DiskSpace>;

export const readDiskSpace: ReadDiskSpace = async (dir) => {
  const s = await statfs(dir);
  return { freeBytes: Number(s.bavail) * Number(s.bsize), totalBytes: Number(s.blocks) * Number(s.bsize) };
};

export interface DiskReserveSettings {
  /** The most the reserve may be, MB; 0 turns the check off. */
  reserveMb: number;
  /** The reserve as a share of the filesystem's size, percent (at least MIN_RESERVE_BYTES, at most reserveMb). */
  reservePercent: number;
  /** How often the free space is read while running. */
  checkMs: number;
}

/** The reserve for a filesystem of `totalBytes`: the percentage of it, at least 64 MB, at most reserveMb. */
export function reserveBytesFor(settings: Pick<DiskReserveSettings, 'reserveMb' | 'reservePercent'>, totalBytes: number): number {
  const share = Math.floor((totalBytes * settings.reservePercent) / 100);
  return Math.min(settings.reserveMb * MB, Math.max(share, MIN_RESERVE_BYTES));
}

export interface DiskState {
  ok: boolean;
  folder: string;
  freeBytes: number;
  reserveBytes: number;
}

/** What the rest of Botcast asks of the reserve (services, HTTP, engine): a state, and a guard before writing. */
export interface DiskGuard {
  readonly state: DiskState;
  /** Reads the free space now and returns the new state. */
  check(): Promise<DiskState>;
  /** Throws insufficient_storage (HTTP 507) while the free space is below the reserve. */
  assertWritable(): void;
  /** Reads the free space now (before a long write: an import), then behaves as assertWritable. */
  checkWritable(): Promise<void>;
}

/** Rounded down to 0.1 MB: 63.96 MB left must not read "64 MB left" beside a 64 MB reserve. */
const mb = (bytes: number) => `${Math.floor((bytes / MB) * 10) / 10} MB`;

export function describeLowDisk(state: DiskState): string {
  return (
    `not enough free disk space for the data folder ${state.folder}: ${mb(state.freeBytes)} left, ` +
    `Botcast keeps ${mb(state.reserveBytes)} free (BOTCAST_DISK_RESERVE_MB, BOTCAST_DISK_RESERVE_PERCENT); free some space and try again`
  );
}

export function insufficientStorage(state: DiskState): AppError {
  return new AppError('insufficient_storage', 'insufficient_storage', describeLowDisk(state), {
    folder: state.folder,
    freeBytes: state.freeBytes,
    reserveBytes: state.reserveBytes,
  });
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export class DiskReserve implements DiskGuard {
  private current: DiskState;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<DiskState> | null = null;
  /** No reading yet: the first one is the start's, and the caller reports a refusal (not a change). */
  private first = true;
  private readonly listeners = new Set<(state: DiskState) => void>();

  constructor(
    folder: string,
    private readonly settings: DiskReserveSettings,
    private readonly log: Log,
    private readonly read: ReadDiskSpace = readDiskSpace,
  ) {
    // Optimistic until the first reading, which start() takes before anything is opened.
    this.current = { ok: true, folder, freeBytes: Number.POSITIVE_INFINITY, reserveBytes: 0 };
  }

  get state(): DiskState {
    return this.current;
  }

  /** Reads the free space now; logs and tells the listeners when it crosses the reserve. */
  check(): Promise<DiskState> {
    this.reading ??= this.readOnce().finally(() => (this.reading = null));
    return this.reading;
  }

  private async readOnce(): Promise<DiskState> {
    const folder = this.current.folder;
    let space: DiskSpace;
    try {
      space = await this.read(folder);
    } catch (error) {
      // Unreadable (the folder is gone, a stale mount): keep the last state; the database will say more.
      this.log.error({ err: error, folder }, 'could not read the free disk space of the data folder');
      return this.current;
    }
    const reserveBytes = reserveBytesFor(this.settings, space.totalBytes);
    const ok = this.settings.reserveMb === 0 || space.freeBytes >= reserveBytes;
    const was = this.current.ok;
    const first = this.first;
    this.first = false;
    this.current = { ok, folder, freeBytes: space.freeBytes, reserveBytes };
    if (ok !== was && !first) {
      if (ok) this.log.info({ folder, freeBytes: space.freeBytes, reserveBytes }, 'disk space is back above the reserve; writing again');
      else this.log.error({ folder, freeBytes: space.freeBytes, reserveBytes }, `${describeLowDisk(this.current)}; refusing new writes`);
      for (const listener of this.listeners) listener(this.current);
    }
    return this.current;
  }

  /** Reads at once, then every checkMs until stop(). */
  async start(): Promise<DiskState> {
    const state = await this.check();
    this.timer = setInterval(() => void this.check(), this.settings.checkMs);
    // The watch must not keep a process alive that has nothing else to do.
    this.timer.unref();
    return state;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Called with the new state each time it crosses the reserve (either way). */
  onChange(listener: (state: DiskState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** So little is left that even a small commit might not finish: nothing is written (guarded-db.ts). */
  get critical(): boolean {
    const s = this.current;
    return this.settings.reserveMb > 0 && s.freeBytes < Math.min(s.reserveBytes, CRITICAL_BYTES);
  }

  assertWritable(): void {
    if (!this.current.ok) throw insufficientStorage(this.current);
  }

  async checkWritable(): Promise<void> {
    await this.check();
    this.assertWritable();
  }
}
