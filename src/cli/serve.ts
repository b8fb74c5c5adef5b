// Starts the roles of this process, prints where to go, and shuts down cleanly on SIGTERM/SIGINT
// (PGlite is checkpointed and closed, the data-folder lock released).
import { createLogger } from '../logger.ts';
import type { Config } from '../config.ts';
import { createApp } from '../app.ts';
import { ensureDemo } from '../services/demo.ts';

export async function runServer(config: Config, roles: { api: boolean; worker: boolean; demo: boolean }) {
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, { api: roles.api, worker: roles.worker });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  if (app.server) {
    await app.server.listen({ host: config.host, port: config.port });
  }
  // A worker-only process listens on no port and says so (null), rather than naming PORT.
  const address = app.server?.server.address();
  const port = typeof address === 'object' && address ? address.port : null;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [
    `Botcast is running (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}; roles: ${[roles.api && 'api', roles.worker && 'worker'].filter(Boolean).join(', ')})`,
  ];
  if (app.server) lines.push(`  admin panel  ${base}/`, `  API docs     ${base}/api/docs`);
  if (roles.demo && app.server) {
    const demo = await ensureDemo(app.ctx);
    const keyNote: Record<typeof demo.apiKeyState, string> = {
      created: '',
      kept: '   (the same key as before)',
      changed: '   (NEW: the demo API key printed before no longer works)',
      revoked: '',
    };
    const audience =
      demo.activeSubscribers === demo.subscribers
        ? `${demo.subscribers} subscribers`
        : `${demo.subscribers} subscribers, ${demo.activeSubscribers} reachable`;
    lines.push(
      '',
      demo.created ? 'Demo workspace created:' : 'Demo workspace:',
      `  log in       ${demo.email} / ${demo.password}`,
      demo.apiKey
        ? `  API key      ${demo.apiKey}${keyNote[demo.apiKeyState]}`
        : '  API key      the demo key was revoked; log in and create one (POST /api/api-keys)',
      `  sandbox bot  ${demo.botId} (channel ${demo.channelId}, ${audience})`,
    );
    if (demo.apiKey) lines.push(`  try          curl -H "Authorization: Bearer ${demo.apiKey}" ${base}/api/bots/${demo.botId}/tags`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  // Machine-readable line for supervisors and tests.
  process.stdout.write(JSON.stringify({ botcast: 'ready', port }) + '\n');
}
