// `botcast import-subscribers` while an embedded Botcast runs on the same data folder: PGlite
// allows one process per folder, so the file goes to the running process's API instead of
// asking for a stop. That needs an API key of the workspace (editor or above), given in
// BOTCAST_API_KEY (an environment variable, not an argument: arguments are visible in `ps`).
// Without one, the message says how to import through the panel or the API.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import { UsageError } from './errors.ts';

interface ImportArgs {
  bot: string;
  platform: string;
  file: string;
}

/** Where the running process listens, as this command's own settings (PORT, BOTCAST_HOST, --port) say. */
export function runningUrl(config: Config, env: NodeJS.ProcessEnv = process.env): string {
  if (env.BOTCAST_URL) return env.BOTCAST_URL.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

function importPath(args: ImportArgs) {
  const query = new URLSearchParams({ platform: args.platform, fileName: basename(args.file) });
  return `/api/bots/${args.bot}/subscribers/import?${query}`;
}

export function lockedMessage(config: Config, args: ImportArgs, cause: string): string {
  const url = runningUrl(config);
  return (
    `${cause}\n` +
    `Import into the running Botcast instead, without stopping it:\n` +
    `  - in the admin panel (${url}/): Subscribers → Import subscribers;\n` +
    `  - or again with an API key (editor or above) of the workspace: BOTCAST_API_KEY=<key> botcast import-subscribers …\n` +
    `    (it sends the file to ${url}; set BOTCAST_URL or --port if Botcast listens elsewhere);\n` +
    `  - or with curl: curl -H 'Authorization: Bearer <key>' -H 'content-type: text/csv' --data-binary @${args.file} '${url}${importPath(args)}'`
  );
}

interface Report {
  rows: number;
  created: number;
  updated: number;
  tagged: number;
}

/** Sends the file to the running process and prints its report; the API imports all or nothing. */
export async function forwardImport(config: Config, args: ImportArgs, apiKey: string): Promise<void> {
  const url = `${runningUrl(config)}${importPath(args)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(args.file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new UsageError(
      `the data folder is in use by a running Botcast, and it could not be reached at ${runningUrl(config)} (${reason}); ` +
        'set BOTCAST_URL (or --port) to where it listens',
    );
  }
  const text = await response.text();
  let body: { error?: { message?: string; details?: { errors?: Array<{ line: number; reason: string }> } } } & Partial<Report>;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UsageError(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const lines = [`${body.error?.message ?? `answered ${response.status}`} (through the running Botcast)`];
    for (const e of body.error?.details?.errors?.slice(1) ?? []) lines.push(`  ${args.file}:${e.line}: ${e.reason}`);
    throw new UsageError(lines.join('\n'));
  }
  process.stdout.write(
    `${args.file}: ${body.created} subscribers imported, ${body.updated} already known (tags added), ${body.tagged} tags assigned, ` +
      `${body.rows} rows read (through the running Botcast at ${runningUrl(config)})\n`,
  );
}
