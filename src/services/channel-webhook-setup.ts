// Webhooks that a person sets up in the platform's own settings (VK Callback API): what they paste
// there — the URL and the secret key Botcast expects — and the string the platform's handshake
// wants back. The secret is shown only here (admins: it lets its holder post events as the
// platform), and both can be set: a secret already typed into the platform, or the confirmation
// string the platform shows after the server is added.
import { invalid } from '../domain/errors.ts';
import { PLATFORM_DESCRIPTORS } from '../platforms/registry.ts';
import type { ServiceContext } from './context.ts';
import { channelContext, getChannelRow, webhookUrl } from './channels.ts';

export function setupOf(platform: string) {
  return PLATFORM_DESCRIPTORS.find((d) => d.code === platform)?.webhookSetup;
}

export interface WebhookSetupChange {
  webhookSecret?: string;
  webhookConfirmation?: string;
}

/** Checks a PATCH's setup fields against the platform's rules; 400 naming the field otherwise. */
export function validateSetupChange(platform: string, input: WebhookSetupChange): void {
  if (input.webhookSecret === undefined && input.webhookConfirmation === undefined) return;
  const setup = setupOf(platform);
  const field = input.webhookSecret !== undefined ? 'webhookSecret' : 'webhookConfirmation';
  if (!setup) {
    throw invalid('not_settable', `${field} can be set only for platforms whose webhook is set up in their own settings (VK)`, { field });
  }
  if (input.webhookSecret !== undefined && !new RegExp(setup.secretPattern).test(input.webhookSecret)) {
    throw invalid('invalid_webhook_secret', `webhookSecret must match ${setup.secretPattern}`, { field: 'webhookSecret' });
  }
  if (input.webhookConfirmation !== undefined) {
    if (!setup.confirmationLabel) {
      throw invalid('not_settable', 'this platform has no confirmation string', { field: 'webhookConfirmation' });
    }
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(input.webhookConfirmation)) {
      throw invalid('invalid_webhook_confirmation', 'webhookConfirmation must be 1-100 letters, digits, "-" or "_"', {
        field: 'webhookConfirmation',
      });
    }
  }
}

export async function getWebhookSetup(ctx: ServiceContext, workspaceId: number, channelId: number) {
  const row = await getChannelRow(ctx.db, workspaceId, channelId);
  const setup = setupOf(row.platform);
  const channel = channelContext(ctx, row);
  return {
    webhookUrl: webhookUrl(ctx, row),
    manual: setup !== undefined,
    secretLabel: setup?.secretLabel ?? null,
    secret: setup ? channel.webhookSecret : null,
    confirmationLabel: setup?.confirmationLabel ?? null,
    confirmationSet: Boolean(channel.credentials.confirmation),
    steps: setup ? [...setup.steps] : [],
  };
}
