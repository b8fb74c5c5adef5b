// A row of the channels table (SELECT *), as the services that manage channels and the engine
// that sends and polls through them read it. `credentials_enc` and `webhook_secret_enc` are sealed:
// only the services open them.

export interface ChannelRow {
  id: number;
  workspace_id: number;
  bot_id: number;
  /** A code of src/platforms/registry.ts (validated when the channel is created; storage knows no platform). */
  platform: string;
  name: string;
  credentials_enc: string;
  webhook_secret_enc: string | null;
  /** Plain text from before migration 0015, until the next start seals it (src/storage/seal-webhook-secrets.ts); else null. */
  webhook_secret: string | null;
  rate_per_second: number | null;
  /** Telegram paid broadcasts (0025): sent with `allow_paid_broadcast`, default rate 1000/s. */
  allow_paid_broadcast: boolean;
  api_base_url: string | null;
  status: string;
  status_message: string;
  created_at: Date;
  /** Circuit breaker (0027): trips above this share of refused outcomes, in percent; null = off. */
  breaker_percent: number | null;
  /** Circuit breaker: the window, in outcomes (also the smallest sample). */
  breaker_window: number;
  /** The webhook's last signed and last refused request (services/webhook-health.ts). */
  webhook_signed_at: Date | null;
  webhook_refused_at: Date | null;
  webhook_refused_reason: string | null;
}
