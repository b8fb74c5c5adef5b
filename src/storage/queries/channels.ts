// A row of the channels table (SELECT *), as the services that manage channels and the engine
// that sends and polls through them read it. `credentials_enc` is sealed: only the services open it.
import type { PlatformCode } from '../../domain/platforms.ts';

export interface ChannelRow {
  id: number;
  workspace_id: number;
  bot_id: number;
  platform: PlatformCode;
  name: string;
  credentials_enc: string;
  webhook_secret: string;
  rate_per_second: number | null;
  api_base_url: string | null;
  status: string;
  status_message: string;
  created_at: Date;
}
