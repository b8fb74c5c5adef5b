// The demo: a workspace, a member login, an API key and a sandbox bot with a few thousand
// subscribers, tags, a screen and some open operator chats — so a new user can try everything at
// once. Created once; later starts reuse it. The demo API key is derived from the credentials key
// (BOTCAST_SECRET_KEY, or the one generated into the data folder), so every start of the same data
// folder prints the same key, and it is stored hashed like any other; if it ever differs from the
// one printed before (another key), the banner says so.
import type { ServiceContext } from './context.ts';
import type { Sealer } from '../security/encryption.ts';
import { createWorkspace } from './workspaces.ts';
import { createBot } from './bots.ts';
import { createChannel } from './channels.ts';
import { createScreen } from './screens.ts';
import { sha256 } from '../security/secrets.ts';

export const DEMO_EMAIL = 'demo@botcast.local';
export const DEMO_PASSWORD = 'botcast-demo';
const DEMO_SUBSCRIBERS = 3000;
const TAGS = ['customer', 'newsletter', 'vip', 'lead', 'churned'];
/** The demo screen's image, a file of web/ served by Botcast itself (src/http/panel.ts). */
export const DEMO_IMAGE_PATH = '/assets/demo-winter-sale.png';
const OLD_DEMO_IMAGE_URL = 'https://example.com/winter-sale.jpg';
const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Felix',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Katya',
  'Liam',
  'Maria',
  'Noah',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sven',
  'Tanya',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Lukas',
  'Sofia',
  'Mateo',
  'Lena',
  'Ivan',
  'Chloe',
  'Omar',
  'Hannah',
  'Dmitri',
  'Julia',
  'Carlos',
  'Emma',
  'Sergei',
  'Lucia',
  'Tom',
  'Mia',
];
const LAST_NAMES = [
  'Schmidt',
  'Garcia',
  'Ivanova',
  'Müller',
  'Rossi',
  'Novak',
  'Kowalski',
  'Smith',
  'Petrov',
  'Fernández',
  'Weber',
  'Jansen',
  'Lopez',
  'Fischer',
  'Sokolova',
  'Brown',
  'Martin',
  'Keller',
  'Romero',
  'Wagner',
  'Popov',
  'Silva',
  'Becker',
];

/** What the banner says about the printed API key. */
export type DemoKeyState =
  /** The same key as at earlier starts. */
  | 'kept'
  /** A new demo workspace: its first key. */
  | 'created'
  /** The key printed before no longer works (another credentials key, or a demo made before keys were kept). */
  | 'changed'
  /** Someone revoked the demo key: it is not brought back; `apiKey` is null. */
  | 'revoked';

export interface DemoInfo {
  email: string;
  password: string;
  apiKey: string | null;
  apiKeyState: DemoKeyState;
  workspaceId: number;
  botId: number;
  channelId: number;
  /** Subscribers of the sandbox channel now, and how many of them can be sent to. */
  subscribers: number;
  activeSubscribers: number;
  created: boolean;
}

/** The demo workspace's API key: 256 bits derived from the credentials key, so the same on every start. */
export function demoApiKey(sealer: Sealer, workspaceId: number): string {
  return 'bc_' + sealer.derive(`demo-api-key:${workspaceId}`).toString('base64url');
}

/** Makes sure the demo key is a live key of the workspace (unless someone revoked it). */
async function keepDemoKey(ctx: ServiceContext, workspaceId: number): Promise<{ apiKey: string | null; apiKeyState: DemoKeyState }> {
  const apiKey = demoApiKey(ctx.sealer, workspaceId);
  const [row] = await ctx.db.query<{ revoked_at: Date | null }>(
    'SELECT revoked_at FROM api_keys WHERE key_hash = $1 AND workspace_id = $2',
    [sha256(apiKey), workspaceId],
  );
  if (row) return row.revoked_at ? { apiKey: null, apiKeyState: 'revoked' } : { apiKey, apiKeyState: 'kept' };
  await ctx.db.transaction(async (tx) => {
    await tx.query(`UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND name = 'demo' AND revoked_at IS NULL`, [
      workspaceId,
    ]);
    // The demo key stands in for the one sign-up gave its owner: it is an owner's key too.
    await tx.query(`INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role) VALUES ($1, 'demo', $2, $3, 'owner')`, [
      workspaceId,
      apiKey.slice(0, 10),
      sha256(apiKey),
    ]);
  });
  return { apiKey, apiKeyState: 'changed' };
}

async function countSubscribers(ctx: ServiceContext, channelId: number) {
  const [row] = await ctx.db.query<{ total: number; active: number }>(
    `SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'active'))::int AS active FROM subscribers WHERE channel_id = $1`,
    [channelId],
  );
  return { subscribers: row.total, activeSubscribers: row.active };
}

export async function ensureDemo(ctx: ServiceContext): Promise<DemoInfo> {
  const existing = await ctx.db.query<{ workspace_id: number }>('SELECT workspace_id FROM members WHERE email = $1', [DEMO_EMAIL]);
  if (existing.length > 0) {
    const workspaceId = existing[0].workspace_id;
    const [bot] = await ctx.db.query<{ id: number }>('SELECT id FROM bots WHERE workspace_id = $1 ORDER BY id LIMIT 1', [workspaceId]);
    const [channel] = await ctx.db.query<{ id: number }>(
      `SELECT id FROM channels WHERE workspace_id = $1 AND platform = 'sandbox' ORDER BY id LIMIT 1`,
      [workspaceId],
    );
    // The demo image at this start's address (BOTCAST_PUBLIC_URL or PORT may have changed); a demo
    // made before the image was served here pointed at an address that does not exist.
    const image = ctx.config.publicUrl + DEMO_IMAGE_PATH;
    await ctx.db.query(
      `UPDATE screens SET media = $2, updated_at = now()
       WHERE workspace_id = $1 AND media->>'type' = 'image' AND media->>'url' <> $3 AND (media->>'url' = $4 OR media->>'url' LIKE '%' || $5)`,
      [workspaceId, JSON.stringify({ type: 'image', url: image }), image, OLD_DEMO_IMAGE_URL, DEMO_IMAGE_PATH],
    );
    const key = await keepDemoKey(ctx, workspaceId);
    const counts = channel ? await countSubscribers(ctx, channel.id) : { subscribers: 0, activeSubscribers: 0 };
    return {
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      ...key,
      workspaceId,
      botId: bot?.id ?? 0,
      channelId: channel?.id ?? 0,
      ...counts,
      created: false,
    };
  }

  const account = await createWorkspace(ctx, { workspaceName: 'Demo workspace', email: DEMO_EMAIL, password: DEMO_PASSWORD, name: 'Demo' });
  const ws = account.workspaceId;
  const apiKey = demoApiKey(ctx.sealer, ws);
  await ctx.db.query(`UPDATE api_keys SET name = 'demo', prefix = $2, key_hash = $3 WHERE id = $1`, [
    account.apiKey.id,
    apiKey.slice(0, 10),
    sha256(apiKey),
  ]);
  const bot = await createBot(ctx, ws, { name: 'Demo shop bot', timeZone: 'Europe/Berlin' });
  const channel = await createChannel(ctx, ws, bot.id, { platform: 'sandbox', name: 'Sandbox', verify: false });
  await ctx.db.transaction(async (tx) => {
    // A migration-style import of people who "already wrote to the bot", set-based.
    // Names combine the two lists (42 and 23 long) with steps coprime to their lengths: every name
    // is used, neighbours differ, a full name repeats every 966 people. The first
    // message is 1–300 days ago and the last one somewhere between it and now.
    await tx.query(
      `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name, username, language, first_message_at, last_message_at)
       SELECT $1, $2, $3, 'sandbox', 'user' || g, n.first || ' ' || n.last, lower(n.first) || g, (ARRAY['en','de','ru','es'])[1 + g % 4],
              f.at, f.at + (now() - f.at) * (((g * 37) % 100) / 100.0)
       FROM generate_series(1, $4) AS g
       CROSS JOIN LATERAL (SELECT ($5::text[])[1 + (g * 5) % cardinality($5::text[])] AS first,
                                  ($6::text[])[1 + (g * 11) % cardinality($6::text[])] AS last) n
       CROSS JOIN LATERAL (SELECT now() - make_interval(days => 1 + g % 300, mins => (g * 17) % 1440) AS at) f`,
      [ws, bot.id, channel.id, DEMO_SUBSCRIBERS, FIRST_NAMES, LAST_NAMES],
    );
    await tx.query(`INSERT INTO tags (workspace_id, bot_id, name) SELECT $1, $2, unnest($3::text[])`, [ws, bot.id, TAGS]);
    // customer: every 2nd; newsletter: every 3rd; vip: every 10th; lead: every 7th; churned: every 25th.
    await tx.query(
      `INSERT INTO subscriber_tags (subscriber_id, tag_id)
       SELECT s.id, t.id FROM subscribers s JOIN tags t ON t.bot_id = s.bot_id
       WHERE s.bot_id = $1 AND (
         (t.name = 'customer' AND s.id % 2 = 0) OR (t.name = 'newsletter' AND s.id % 3 = 0) OR
         (t.name = 'vip' AND s.id % 10 = 0) OR (t.name = 'lead' AND s.id % 7 = 0) OR (t.name = 'churned' AND s.id % 25 = 0))`,
      [bot.id],
    );
    await tx.query(
      `INSERT INTO operator_chats (workspace_id, bot_id, subscriber_id, opened_by)
       SELECT $1, $2, id, 'member:demo' FROM subscribers WHERE bot_id = $2 ORDER BY id LIMIT 5`,
      [ws, bot.id],
    );
    // A few people who blocked the bot or deleted their account, so "View errors" has something to show.
    await tx.query(
      `INSERT INTO sandbox_users (channel_id, user_id, behaviour)
       SELECT $1, 'user' || g, CASE WHEN g % 2 = 0 THEN 'blocked' ELSE 'gone' END FROM generate_series(100, 3000, 290) AS g`,
      [channel.id],
    );
  });
  await createScreen(ctx, ws, bot.id, {
    name: 'Winter sale',
    text: 'Hi {{first_name|there}}! Our winter sale starts today: 30% off everything.',
    media: { type: 'image', url: ctx.config.publicUrl + DEMO_IMAGE_PATH },
    buttons: [
      { kind: 'url', text: 'Open the shop', url: 'https://example.com/shop' },
      { kind: 'reply', text: 'Not interested' },
    ],
  });
  const counts = await countSubscribers(ctx, channel.id);
  return {
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    apiKey,
    apiKeyState: 'created',
    workspaceId: ws,
    botId: bot.id,
    channelId: channel.id,
    ...counts,
    created: true,
  };
}
