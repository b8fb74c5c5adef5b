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
                               import people who already wrote to the bot (see below)
  botcast backup <file.tar.gz> write a backup of the embedded database (stop Botcast first)
  botcast restore <file.tar.gz> restore an embedded database backup into an empty data folder

Options:
  --demo       create (once) a demo workspace with a sandbox bot and print how to log in
  --port N     HTTP port (also PORT)

Importing subscribers (also in the panel: Subscribers → Import subscribers; and the API:
POST /api/bots/{botId}/subscribers/import?platform=<code>, body = the file, content-type text/csv):
  A CSV file whose first row names the columns, in any order (separator , ; or tab; UTF-8):
    platform_user_id  required: the person's id on the platform (Telegram: the numeric user id)
    name              display name, up to 256 characters
    username          without the @ (a leading @ is dropped)
    language          a code like en or pt-BR
    tags              tags separated by | (or , inside quotes); created when missing
  Other columns are ignored. JSON Lines or a JSON array of objects with the same fields work too.
  People already known keep their profile and gain the tags. Tags added by an import fire no
  trigger. The command skips bad rows and lists them as file:line; the panel and the API import
  all or nothing (a bad row refuses the file, naming its line).
  While an embedded Botcast runs on the data folder, the command sends the file to it when
  BOTCAST_API_KEY holds an API key of the workspace (editor or above; BOTCAST_URL or --port say
  where it listens); otherwise it says how to import through the panel or the API.

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
