// Channels: a bot's connection to one platform. Credentials are sealed (AES-256-GCM) before they
// touch the database and never leave Botcast again: answers list which fields are set, not values.
// They go only to the address they were given with: changing a channel's API base URL needs them
// again in the same request, so that an API key alone cannot send a stored bot token elsewhere.
// Every change is written to the audit log in its own transaction (audit.ts).
// The webhook secret is sealed too. It is never looked up by value — a webhook names its channel in
// its URL (/hooks/<platform>/<id>) and the platform module compares the secret it received with the
// channel's in constant time — so it needs no hash beside it; it is opened to be compared, to be
// registered with the platform and to build the OK webhook URL, which carries it.
import { randomBytes } from 'node:crypto';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { checkBaseUrl, checkBaseUrlAddresses } from '../security/base-url.ts';
import { tokenValueProblem } from '../security/credential-values.ts';
import { platformReason } from '../platforms/http.ts';
import { PLATFORM_DESCRIPTORS } from '../platforms/registry.ts';
import { channelRate, paidBroadcastOn } from '../platforms/rate.ts';
import { PLATFORM_CODES, isPlatformCode, type ChannelContext, type PlatformClient } from '../platforms/types.ts';
import type { Queryable } from '../storage/db.ts';
import type { ChannelRow } from '../storage/queries/channels.ts';
import type { ServiceContext } from './context.ts';
import { SYSTEM_ACTOR, recordAudit, type Actor } from './audit.ts';
import { getBot } from './bots.ts';
import { BREAKER_WINDOW_MAX, BREAKER_WINDOW_MIN, DEFAULT_BREAKER } from '../domain/send/breaker.ts';
import { setupOf, validateSetupChange, type WebhookSetupChange } from './channel-webhook-setup.ts';

export type { ChannelRow };

export interface CreateChannelInput {
  platform: string;
  name?: string;
  credentials?: Record<string, string>;
  ratePerSecond?: number | null;
  apiBaseUrl?: string | null;
  /** Check the credentials with the platform and register the webhook (default true; the sandbox needs none). */
  verify?: boolean;
  /** How updates arrive: a webhook (default) or long polling (Telegram, for machines without a public URL). */
  inbound?: 'webhook' | 'polling';
}

export function client(ctx: ServiceContext, platform: string): PlatformClient {
  const found = ctx.platforms.get(platform);
  if (!found) throw invalid('unknown_platform', `platform "${platform}" is not available`);
  return found;
}

type SecretColumns = Pick<ChannelRow, 'webhook_secret_enc' | 'webhook_secret'>;

/** The channel's webhook secret in plain text (a row not sealed yet still has it in webhook_secret). */
function webhookSecretOf(sealer: ServiceContext['sealer'], row: SecretColumns): string {
  return row.webhook_secret_enc ? sealer.open(row.webhook_secret_enc) : (row.webhook_secret ?? '');
}

export function webhookUrl(ctx: ServiceContext, row: Pick<ChannelRow, 'id' | 'platform'> & SecretColumns): string | null {
  if (row.platform === 'sandbox') return null;
  const base = `${ctx.config.publicUrl}/hooks/${row.platform}/${row.id}`;
  // A platform that signs nothing (OK) gets the secret in its URL (see src/platforms/ok).
  return ctx.platforms.get(row.platform)?.webhookSecretInUrl ? `${base}?secret=${webhookSecretOf(ctx.sealer, row)}` : base;
}

export function present(ctx: ServiceContext, row: ChannelRow) {
  const platform = client(ctx, row.platform);
  const credentials = row.credentials_enc ? (JSON.parse(ctx.sealer.open(row.credentials_enc)) as Record<string, string>) : {};
  return {
    id: row.id,
    botId: row.bot_id,
    platform: row.platform,
    name: row.name,
    status: row.status,
    statusMessage: row.status_message,
    ratePerSecond: channelRate(row, platform),
    rateIsDefault: row.rate_per_second === null,
    allowPaidBroadcast: paidBroadcastOn(row, platform),
    apiBaseUrl: row.api_base_url ?? platform.defaultBaseUrl,
    credentialsSet: Object.keys(credentials).sort(),
    inbound: (row as ChannelRow & { inbound_mode?: string }).inbound_mode ?? 'webhook',
    webhookUrl: webhookUrl(ctx, row),
    circuitBreaker: row.breaker_percent === null ? null : { percent: Number(row.breaker_percent), window: row.breaker_window },
    lastWebhook: { signedAt: row.webhook_signed_at, refusedAt: row.webhook_refused_at, refusedReason: row.webhook_refused_reason },
    createdAt: row.created_at,
  };
}

export function channelContext(ctx: Pick<ServiceContext, 'sealer' | 'platforms'>, row: ChannelRow): ChannelContext {
  const platform = ctx.platforms.get(row.platform)!;
  return {
    channelId: row.id,
    baseUrl: (row.api_base_url ?? platform.defaultBaseUrl).replace(/\/$/, ''),
    credentials: row.credentials_enc ? JSON.parse(ctx.sealer.open(row.credentials_enc)) : {},
    webhookSecret: webhookSecretOf(ctx.sealer, row),
    ...(paidBroadcastOn(row, platform) && { paidBroadcast: true }),
  };
}

function validateRate(rate: number | null | undefined) {
  if (rate !== undefined && rate !== null && !(rate > 0 && rate <= 1_000_000)) {
    throw invalid('invalid_rate', 'ratePerSecond must be a number above 0 and at most 1000000', { field: 'ratePerSecond' });
  }
}

/** The URL's text only: no DNS, so it can come before checks that should precede any lookup. */
function validateBaseUrlText(ctx: ServiceContext, url: string | null | undefined) {
  if (url === undefined || url === null) return;
  const problem = checkBaseUrl(url, ctx.config.allowPrivateBaseUrls);
  if (problem) throw invalid('invalid_base_url', `apiBaseUrl ${problem}`, { field: 'apiBaseUrl' });
}

/** The text, then the addresses its host resolves to now. */
async function validateBaseUrl(ctx: ServiceContext, url: string | null | undefined) {
  if (url === undefined || url === null) return;
  const problem = await checkBaseUrlAddresses(url, ctx.config.allowPrivateBaseUrls);
  if (problem) throw invalid('invalid_base_url', `apiBaseUrl ${problem}`, { field: 'apiBaseUrl' });
}

function descriptorOf(platform: string) {
  return PLATFORM_DESCRIPTORS.find((d) => d.code === platform);
}

/**
 * The credentials that go into requests' URLs and headers — the secrets (tokens) and the ids
 * (WhatsApp's phoneNumberId is a path segment) — must be plain tokens (credential-values.ts).
 * Free text such as Viber's sender name is not checked.
 */
function validateCredentialValues(platform: string, credentials: Record<string, string>) {
  for (const field of descriptorOf(platform)?.credentials ?? []) {
    const value = credentials[field.key];
    if (typeof value !== 'string' || !(field.secret || field.key.endsWith('Id'))) continue;
    const problem = tokenValueProblem(value);
    if (problem) {
      throw invalid('invalid_credentials', `credentials.${field.key} ${problem}`, { field: `credentials.${field.key}` });
    }
  }
}

/** The secret credential values, to blank out of any text shown about the channel. */
function secretValues(platform: string, credentials: Record<string, string>): string[] {
  const fields = descriptorOf(platform)?.credentials ?? [];
  return fields.filter((f) => f.secret && credentials[f.key]).map((f) => credentials[f.key]);
}

export async function createChannel(
  ctx: ServiceContext,
  workspaceId: number,
  botId: number,
  input: CreateChannelInput,
  actor: Actor = SYSTEM_ACTOR,
) {
  await getBot(ctx, workspaceId, botId);
  if (!isPlatformCode(input.platform)) {
    throw invalid('unknown_platform', `platform "${input.platform}" is not one of ${PLATFORM_CODES.join(', ')}`, { field: 'platform' });
  }
  const platform = client(ctx, input.platform);
  const credentials = input.credentials ?? {};
  const missing = platform.credentialFields.filter((f) => !credentials[f]);
  if (missing.length > 0) {
    throw invalid('missing_credentials', `${platform.displayName} needs credentials: ${missing.join(', ')}`, {
      field: 'credentials',
      missing,
    });
  }
  validateCredentialValues(input.platform, credentials);
  validateRate(input.ratePerSecond);
  await validateBaseUrl(ctx, input.apiBaseUrl);
  const inbound = input.inbound ?? 'webhook';
  if (inbound === 'polling' && !platform.pollUpdates) {
    throw invalid('polling_unsupported', `${platform.displayName} has no long polling; use its webhook`, { field: 'inbound' });
  }
  // Hex: every platform's rules for the secret accept it (Telegram A-Za-z0-9_-, VK letters and digits ≤ 50).
  const webhookSecret = randomBytes(20).toString('hex');
  const sealed = Object.keys(credentials).length > 0 ? ctx.sealer.seal(JSON.stringify(credentials)) : '';

  const existing = await ctx.db.query<{ id: number }>('SELECT id FROM channels WHERE bot_id = $1 AND platform = $2', [
    botId,
    input.platform,
  ]);
  if (existing.length > 0)
    throw conflict('channel_exists', `bot ${botId} already has a ${platform.displayName} channel (${existing[0].id})`);

  if (input.verify !== false && input.platform !== 'sandbox') {
    const probe: ChannelContext = {
      channelId: 0,
      baseUrl: (input.apiBaseUrl ?? platform.defaultBaseUrl).replace(/\/$/, ''),
      credentials,
      webhookSecret,
    };
    const check = await platform.checkCredentials(probe);
    if (!check.ok) {
      const reason = platformReason(check.error, 'no reason given', secretValues(input.platform, credentials), 500);
      // Unreachable is not rejected: the credentials may well be right, so say what failed.
      if (check.unreachable)
        throw invalid(
          'platform_unreachable',
          `Could not check the credentials: ${reason.replace(/[.\s]+$/, '')}. Check this server's connection to ${platform.displayName} (or the API base URL), then try again.`,
          { field: 'apiBaseUrl' },
        );
      throw invalid('credentials_rejected', `${platform.displayName} did not accept the credentials: ${reason}`);
    }
  }

  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx.query<ChannelRow>(
      `INSERT INTO channels (workspace_id, bot_id, platform, name, credentials_enc, webhook_secret_enc, rate_per_second, api_base_url, inbound_mode)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        workspaceId,
        botId,
        input.platform,
        input.name ?? platform.displayName,
        sealed,
        ctx.sealer.seal(webhookSecret),
        input.ratePerSecond ?? null,
        input.apiBaseUrl ?? null,
        inbound,
      ],
    );
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: 'channel.created',
      target: `channel:${inserted.id}`,
      detail: { botId, platform: input.platform, apiBaseUrl: inserted.api_base_url, credentials: Object.keys(credentials).sort() },
    });
    return inserted;
  });
  if (input.verify !== false && platform.registerWebhook && inbound === 'webhook') {
    const url = webhookUrl(ctx, row);
    // What the platform hands back (VK's confirmation code) joins the credentials at once: the
    // platform may call the new webhook before registration returns.
    const remember = async (learned: Record<string, string>) => {
      const merged = { ...credentials, ...learned };
      const [updated] = await ctx.db.query<ChannelRow>('UPDATE channels SET credentials_enc = $2 WHERE id = $1 RETURNING *', [
        row.id,
        ctx.sealer.seal(JSON.stringify(merged)),
      ]);
      row.credentials_enc = updated.credentials_enc;
    };
    const result = url ? await platform.registerWebhook(channelContext(ctx, row), url, remember) : { ok: true };
    if (!result.ok) {
      const reason = platformReason(result.error, '', secretValues(input.platform, credentials), 500);
      // Where a person can set the webhook up instead (VK), the channel works once they do: not an error.
      const manual = setupOf(input.platform) !== undefined;
      const message = manual
        ? `Register the webhook by hand, as the steps below say (${platform.displayName} did not let Botcast do it: ${reason})`
        : `webhook not registered: ${reason}`;
      const status = manual ? row.status : 'error';
      await ctx.db.query(`UPDATE channels SET status = $3, status_message = $2 WHERE id = $1`, [row.id, message, status]);
      row.status = status;
      row.status_message = message;
    }
  }
  return present(ctx, row);
}

export async function getChannelRow(q: Queryable, workspaceId: number, channelId: number): Promise<ChannelRow> {
  const rows = await q.query<ChannelRow>('SELECT * FROM channels WHERE id = $1 AND workspace_id = $2', [channelId, workspaceId]);
  if (rows.length === 0) throw notFound('channel', channelId);
  return rows[0];
}

export async function listChannels(ctx: ServiceContext, workspaceId: number, botId: number) {
  await getBot(ctx, workspaceId, botId);
  const rows = await ctx.db.query<ChannelRow>('SELECT * FROM channels WHERE bot_id = $1 AND workspace_id = $2 ORDER BY id', [
    botId,
    workspaceId,
  ]);
  return rows.map((r) => present(ctx, r));
}

export interface UpdateChannelInput extends WebhookSetupChange {
  name?: string;
  ratePerSecond?: number | null;
  apiBaseUrl?: string | null;
  credentials?: Record<string, string>;
  status?: 'active' | 'disabled';
  /** Telegram: send as paid broadcasts (`allow_paid_broadcast`, up to 1000/s, paid in Stars per message). */
  allowPaidBroadcast?: boolean;
  /** The circuit breaker: null turns it off; a missing field keeps its value (the default 20 % of 500 when it was off). */
  circuitBreaker?: { percent?: number; window?: number } | null;
}

function breakerColumns(row: ChannelRow, input: UpdateChannelInput): { percent: number | null; window: number } {
  const change = input.circuitBreaker;
  if (change === undefined) return { percent: row.breaker_percent, window: row.breaker_window };
  if (change === null) return { percent: null, window: row.breaker_window };
  const percent = change.percent ?? row.breaker_percent ?? DEFAULT_BREAKER.percent;
  const window = change.window ?? row.breaker_window;
  if (!(percent > 0 && percent < 100)) {
    throw invalid('invalid_breaker', 'circuitBreaker.percent must be above 0 and below 100', { field: 'circuitBreaker.percent' });
  }
  if (!(Number.isInteger(window) && window >= BREAKER_WINDOW_MIN && window <= BREAKER_WINDOW_MAX)) {
    throw invalid('invalid_breaker', `circuitBreaker.window must be a whole number from ${BREAKER_WINDOW_MIN} to ${BREAKER_WINDOW_MAX}`, {
      field: 'circuitBreaker.window',
    });
  }
  return { percent, window };
}

export async function updateChannel(
  ctx: ServiceContext,
  workspaceId: number,
  channelId: number,
  input: UpdateChannelInput,
  actor: Actor = SYSTEM_ACTOR,
) {
  const row = await getChannelRow(ctx.db, workspaceId, channelId);
  validateRate(input.ratePerSecond);
  validateBaseUrlText(ctx, input.apiBaseUrl);
  const baseUrlChanges = input.apiBaseUrl !== undefined && input.apiBaseUrl !== row.api_base_url;
  // Back to the platform's own API (null) sends the token only where it belongs; anywhere else
  // needs the credentials again, or a leaked API key would be enough to collect the bot token.
  if (baseUrlChanges && input.apiBaseUrl !== null) {
    const required = client(ctx, row.platform).credentialFields;
    const missing = required.filter((f) => !input.credentials?.[f]);
    if (missing.length > 0) {
      throw invalid(
        'credentials_required',
        `changing apiBaseUrl needs the channel's credentials again in the same request (credentials: ${missing.join(', ')}): ` +
          'stored credentials are never sent to a new address',
        { field: 'credentials', fields: ['apiBaseUrl', 'credentials'], missing },
      );
    }
  }
  if (input.credentials) validateCredentialValues(row.platform, input.credentials);
  validateSetupChange(row.platform, input);
  if (input.allowPaidBroadcast !== undefined && !client(ctx, row.platform).paidBroadcast) {
    throw invalid('paid_broadcast_unsupported', `${client(ctx, row.platform).displayName} has no paid broadcasts (only Telegram has)`, {
      field: 'allowPaidBroadcast',
    });
  }
  const breaker = breakerColumns(row, input);
  // Resolved only once the credentials are there: without them, no one learns what a name resolves to.
  if (baseUrlChanges) await validateBaseUrl(ctx, input.apiBaseUrl);
  // The confirmation string is kept with the credentials (the platform module reads it there), added
  // to what is stored or given rather than replacing it.
  let credentials = input.credentials;
  if (input.webhookConfirmation !== undefined) {
    const stored = row.credentials_enc ? (JSON.parse(ctx.sealer.open(row.credentials_enc)) as Record<string, string>) : {};
    credentials = { ...(credentials ?? stored), confirmation: input.webhookConfirmation };
  }
  const sealed = credentials ? ctx.sealer.seal(JSON.stringify(credentials)) : row.credentials_enc;
  const secretSealed = input.webhookSecret !== undefined ? ctx.sealer.seal(input.webhookSecret) : row.webhook_secret_enc;
  const updated = await ctx.db.transaction(async (tx) => {
    const [changed] = await tx.query<ChannelRow>(
      `UPDATE channels SET name = $3, rate_per_second = $4, api_base_url = $5, credentials_enc = $6, status = $7, webhook_secret_enc = $8,
         allow_paid_broadcast = coalesce($9, allow_paid_broadcast),
         breaker_percent = $10, breaker_window = $11
       WHERE id = $1 AND workspace_id = $2 RETURNING *`,
      [
        channelId,
        workspaceId,
        input.name ?? row.name,
        input.ratePerSecond === undefined ? row.rate_per_second : input.ratePerSecond,
        input.apiBaseUrl === undefined ? row.api_base_url : input.apiBaseUrl,
        sealed,
        input.status ?? row.status,
        secretSealed,
        input.allowPaidBroadcast ?? null,
        breaker.percent,
        breaker.window,
      ],
    );
    if (!changed) throw notFound('channel', channelId);
    const target = `channel:${channelId}`;
    const fields = Object.keys(input).filter((k) => input[k as keyof UpdateChannelInput] !== undefined);
    await recordAudit(tx, { workspaceId, actor, action: 'channel.updated', target, detail: { fields: fields.sort() } });
    if (baseUrlChanges) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: 'channel.base_url_changed',
        target,
        detail: { from: row.api_base_url, to: changed.api_base_url, credentialsGiven: input.credentials !== undefined },
      });
    }
    return changed;
  });
  return present(ctx, updated);
}

export async function deleteChannel(ctx: ServiceContext, workspaceId: number, channelId: number, actor: Actor = SYSTEM_ACTOR) {
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number; platform: string; bot_id: number }>(
      'DELETE FROM channels WHERE id = $1 AND workspace_id = $2 RETURNING id, platform, bot_id',
      [channelId, workspaceId],
    );
    if (rows.length === 0) throw notFound('channel', channelId);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: 'channel.deleted',
      target: `channel:${channelId}`,
      detail: { botId: rows[0].bot_id, platform: rows[0].platform },
    });
  });
}
