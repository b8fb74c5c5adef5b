// The engine switch: every integration test runs against embedded PGlite and against a real
// PostgreSQL (BOTCAST_TEST_ENGINE=pglite|postgres), each test file on its own fresh database.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.ts';

export const ENGINE = (process.env.BOTCAST_TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';
export const PG_ADMIN_URL = process.env.BOTCAST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestDatabase {
  /** Environment for a Botcast process (or loadConfig) that uses this database. */
  env: Record<string, string>;
  config(overrides?: Partial<Config>): Config;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

export async function createTestDatabase(engine = ENGINE): Promise<TestDatabase> {
  const base: Record<string, string> = {
    BOTCAST_ALLOW_PRIVATE_BASE_URLS: 'true',
    LOG_LEVEL: 'silent',
    BOTCAST_SECRET_KEY: TEST_SECRET_KEY,
    // Password hashes at 2^12 instead of 2^17: a sign-up in 20 ms, not 0.5–1.5 s and 128 MiB
    // (test/unit/passwords.test.ts proves the default).
    BOTCAST_SCRYPT_LOG_N: '12',
  };
  if (engine === 'postgres') {
    // The runner's prefix lets it drop exactly this run's databases, even after a crash (test/run.mjs).
    const prefix = process.env.BOTCAST_TEST_DB_PREFIX ?? `bct_${process.pid}`;
    const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const env = { ...base, DATABASE_URL: withDatabase(PG_ADMIN_URL, name) };
    return {
      env,
      config: (overrides) => loadConfig(env, overrides),
      async drop() {
        const c = new pg.Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'botcast-test-'));
  // A migrated template made once per test run (test/run.mjs) is copied instead of running
  // initdb and the migrations in every file: 0.3 s instead of 3 s per file.
  const template = process.env.BOTCAST_TEST_PGLITE_TEMPLATE;
  if (template && existsSync(template)) cpSync(template, join(dir, 'pgdata'), { recursive: true });
  const env = { ...base, BOTCAST_DATA_DIR: dir };
  return {
    env,
    config: (overrides) => loadConfig(env, overrides),
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
