// botcast start | api | worker | migrate | import-subscribers | backup — one binary, several roles.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, SETTINGS } from '../config.ts';
import { DataDirLockedError } from '../storage/data-dir-lock.ts';
import { runServer } from './serve.ts';
import { runMigrate } from './migrate.ts';
import { runImportSubscribers } from './import-subscribers.ts';
import { runBackup, runRestore } from './backup.ts';
import { UsageError } from './errors.ts';
import { describeError } from './describe-error.ts';
import { AppError } from '../domain/errors.ts';

const HELP = `botcast — broadcasts for multi-platform chatbots

Usage:
  botcast start [--demo]       API, admin panel and workers in one process (the default)
  botcast api                  only the HTTP API, panel and webhooks
  botcast worker               only the delivery workers and schedulers
  botcast migrate              apply database migrations and exit
  botcast import-subscribers --bot <id> --platform <code> <file.csv|file.json>
                               import people who already wrote to the bot
  botcast backup <file.tar.gz> write a backup of the embedded database (stop Botcast first)
  botcast restore <file.tar.gz> restore an embedded database backup into an empty data folder

Options:
  --demo       create (once) a demo workspace with a sandbox bot and print how to log in
  --port N     HTTP port (also PORT)

Configuration (environment variables):
${SETTINGS.map((s) => `  ${s.env.padEnd(32)} ${s.doc}${s.default !== null ? ` [${s.default}]` : ''}`).join('\n')}
`;

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      bot: { type: 'string' },
      platform: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0] ?? 'start';
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const env = { ...process.env };
  if (values.port) env.PORT = values.port;
  const config = loadConfig(env);
  switch (command) {
    case 'start':
      return runServer(config, { api: true, worker: true, demo: values.demo });
    case 'api':
      return runServer(config, { api: true, worker: false, demo: values.demo });
    case 'worker':
      return runServer(config, { api: false, worker: true, demo: false });
    case 'migrate':
      return runMigrate(config);
    case 'import-subscribers':
      return runImportSubscribers(config, { bot: values.bot, platform: values.platform, file: positionals[1] });
    case 'backup':
      return runBackup(config, positionals[1]);
    case 'restore':
      return runRestore(config, positionals[1]);
    default:
      throw new UsageError(`unknown command "${command}"; run "botcast help"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Mistakes of the caller or the machine (a bad setting, a locked or full data folder) without a stack trace.
  const expected =
    error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof UsageError || error instanceof AppError;
  process.stderr.write(`botcast: ${describeError(error, { expected })}\n`);
  process.exit(1);
});
