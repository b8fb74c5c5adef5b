// Backup and restore of the embedded database. PGlite writes a consistent tarball of its data
// folder; Botcast must not be running on the folder meanwhile (the data-folder lock ensures it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { lockDataDir } from '../storage/data-dir-lock.ts';
import { UsageError } from './errors.ts';

function embeddedOnly(config: Config) {
  if (config.databaseUrl)
    throw new UsageError('backup and restore are for the embedded database; with DATABASE_URL use pg_dump / pg_restore');
}

export async function runBackup(config: Config, file: string | undefined) {
  embeddedOnly(config);
  if (!file) throw new UsageError('usage: botcast backup <file.tar.gz>');
  const dir = resolve(config.dataDir);
  if (!existsSync(join(dir, 'pgdata'))) throw new UsageError(`no embedded database in ${dir}`);
  const release = await lockDataDir(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create({ dataDir: join(dir, 'pgdata') });
    const dump = await pg.dumpDataDir('gzip');
    await pg.close();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    // The key that encrypts channel credentials is part of the backup's meaning: say where it is.
    process.stdout.write(
      `backup written to ${file}\nkeep ${join(dir, 'secret.key')} with it: channel credentials and webhook secrets are encrypted with it\n`,
    );
  } finally {
    release();
  }
}

export async function runRestore(config: Config, file: string | undefined) {
  embeddedOnly(config);
  if (!file) throw new UsageError('usage: botcast restore <file.tar.gz>');
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const dir = resolve(config.dataDir);
  const target = join(dir, 'pgdata');
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new UsageError(`${target} is not empty; restore into a new BOTCAST_DATA_DIR`);
  const release = await lockDataDir(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create({ dataDir: target, loadDataDir: new Blob([readFileSync(file)]) });
    await pg.query('SELECT 1');
    await pg.close();
    process.stdout.write(`restored ${file} into ${target}\n`);
  } finally {
    release();
  }
}
