// The demo: a workspace, a member login, an API key and a sandbox bot with a few thousand
// subscribers, tags, a screen and some open operator chats — so a new user can try everything at
// once. Created once; later starts reuse it and print a fresh API key.
import type { ServiceContext } from './context.ts';
import { signup } from './workspaces.ts';
import { createBot } from './bots.ts';
import { createChannel } from './channels.ts';
import { createScreen } from './screens.ts';
import { randomToken, sha256 } from '../security/secrets.ts';

export const DEMO_EMAIL = 'demo@botcast.local';
export const DEMO_PASSWORD = 'botcast-demo';
const DEMO_SUBSCRIBERS = 3000;
const TAGS = ['customer', 'newsletter', 'vip', 'lead', 'churned'];

export interface DemoInfo {
  email: string;
  password: string;
  apiKey: string;
  workspaceId: number;
  botId: number;
  channelId: number;
  created: boolean;
}

export async function ensureDemo(ctx: ServiceContext): Promise<DemoInfo> {
  const existing = await ctx.db.query<{ workspace_id: number }>('SELECT workspace_id FROM members WHERE email = $1', [DEMO_EMAIL]);
  if (existing.length > 0) {
    const workspaceId = existing[0].workspace_id;
    const [bot] = await ctx.db.query<{ id: number }>('SELECT id FROM bots WHERE workspace_id = $1 ORDER BY id LIMIT 1', [workspaceId]);
    const [channel] = await ctx.db.query<{ id: number }>(`SELECT id FROM channels WHERE workspace_id = $1 AND platform = 'sandbox' ORDER BY id LIMIT 1`, [workspaceId]);
    const apiKey = randomToken('bc_');
    await ctx.db.transaction(async (tx) => {
      await tx.query(`UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND name = 'demo' AND revoked_at IS NULL`, [workspaceId]);
      await tx.query(`INSERT INTO api_keys (workspace_id, name, prefix, key_hash) VALUES ($1, 'demo', $2, $3)`, [workspaceId, apiKey.slice(0, 10), sha256(apiKey)]);
    });
    return { email: DEMO_EMAIL, password: DEMO_PASSWORD, apiKey, workspaceId, botId: bot?.id ?? 0, channelId: channel?.id ?? 0, created: false };
  }

  const account = await signup(ctx, { workspaceName: 'Demo workspace', email: DEMO_EMAIL, password: DEMO_PASSWORD, name: 'Demo' });
  await ctx.db.query(`UPDATE api_keys SET name = 'demo' WHERE id = $1`, [account.apiKey.id]);
  const ws = account.workspaceId;
  const bot = await createBot(ctx, ws, { name: 'Demo shop bot', timeZone: 'Europe/Berlin' });
  const channel = await createChannel(ctx, ws, bot.id, { platform: 'sandbox', name: 'Sandbox', verify: false });
  await ctx.db.transaction(async (tx) => {
    // A migration-style import of people who "already wrote to the bot", set-based.
    await tx.query(
      `INSERT INTO subscribers (workspace_id, bot_id, channel_id, platform, platform_user_id, name, username, language, first_message_at, last_message_at)
       SELECT $1, $2, $3, 'sandbox', 'user' || g, 'Demo user ' || g, 'demo' || g, (ARRAY['en','de','ru','es'])[1 + g % 4],
              now() - make_interval(days => 1 + g % 300), now() - make_interval(mins => g % 10000)
       FROM generate_series(1, $4) AS g`,
      [ws, bot.id, channel.id, DEMO_SUBSCRIBERS],
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
    media: { type: 'image', url: 'https://example.com/winter-sale.jpg' },
    buttons: [
      { kind: 'url', text: 'Open the shop', url: 'https://example.com/shop' },
      { kind: 'reply', text: 'Not interested' },
    ],
  });
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, apiKey: account.apiKey.key, workspaceId: ws, botId: bot.id, channelId: channel.id, created: true };
}
