import type { Config } from '../config.ts';
import { UsageError } from './errors.ts';

export async function runImportSubscribers(_config: Config, _args: { bot?: string; platform?: string; file?: string }) {
  throw new UsageError('import-subscribers is not available yet');
}
