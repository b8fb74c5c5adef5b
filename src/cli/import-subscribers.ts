// botcast import-subscribers --bot <id> --platform <code> <file>: the migration import of people
// who already wrote to the bot. Bad rows are skipped and listed as file:line: reason. While an
// embedded Botcast runs on the data folder, the file goes through its API (import-forward.ts).
import { createReadStream, existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { PLATFORM_CODES, isPlatformCode } from '../platforms/types.ts';
import { buildRegistry } from '../platforms/registry.ts';
import { systemClock } from '../services/context.ts';
import { importSubscribers } from '../services/subscriber-import.ts';
import { DataDirLockedError } from '../storage/data-dir-lock.ts';
import { openStorage } from '../storage/open.ts';
import { forwardImport, lockedMessage } from './import-forward.ts';
import { UsageError } from './errors.ts';

export async function runImportSubscribers(config: Config, args: { bot?: string; platform?: string; file?: string }) {
  if (!args.bot || !/^\d+$/.test(args.bot)) throw new UsageError('--bot <id> is required (the bot the subscribers wrote to)');
  if (!args.platform || !isPlatformCode(args.platform)) throw new UsageError(`--platform must be one of ${PLATFORM_CODES.join(', ')}`);
  if (!args.file) throw new UsageError('usage: botcast import-subscribers --bot <id> --platform <code> <file.csv|file.json|file.jsonl>');
  if (!existsSync(args.file)) throw new UsageError(`${args.file}: no such file`);
  let storage;
  try {
    storage = await openStorage(config);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const request = { bot: args.bot, platform: args.platform, file: args.file };
    const apiKey = process.env.BOTCAST_API_KEY;
    if (apiKey) return forwardImport(config, request, apiKey);
    throw new UsageError(lockedMessage(config, request, error.message));
  }
  try {
    const [bot] = await storage.db.query<{ workspace_id: number }>('SELECT workspace_id FROM bots WHERE id = $1', [Number(args.bot)]);
    if (!bot) throw new UsageError(`bot ${args.bot} does not exist`);
    const ctx = {
      db: storage.db,
      sealer: storage.sealer,
      clock: systemClock,
      config,
      platforms: buildRegistry(storage.db),
      disk: storage.disk,
    };
    const result = await importSubscribers(ctx, bot.workspace_id, Number(args.bot), args.platform, createReadStream(args.file), args.file);
    const lines = [
      `${args.file}: ${result.created} subscribers imported, ${result.existing} already known (tags added), ${result.skipped} rows skipped`,
    ];
    for (const p of result.problems.slice(0, 50)) lines.push(`  ${args.file}:${p.line}: ${p.reason}`);
    if (result.skipped > 50) lines.push(`  … and ${result.skipped - 50} more`);
    process.stdout.write(lines.join('\n') + '\n');
  } catch (error) {
    // The import is one transaction: refused for want of disk space, it was rolled back whole.
    if (error instanceof AppError)
      throw new UsageError(error.kind === 'insufficient_storage' ? `${error.message}; nothing was imported` : error.message);
    throw error;
  } finally {
    await storage.close();
  }
}
