// The platforms Botcast can connect to, from the registry (src/platforms/registry.ts): what the
// panel's connect form asks for each, and how it names and colours them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PLATFORM_DESCRIPTORS } from '../../platforms/registry.ts';
import { PlatformCode } from '../schemas.ts';

const CredentialField = Type.Object(
  {
    key: Type.String({ description: 'Key in the channel’s `credentials` object' }),
    label: Type.String(),
    hint: Type.Optional(Type.String({ description: 'Where to find the value' })),
    optional: Type.Optional(Type.Boolean({ description: 'Not required to connect' })),
    secret: Type.Optional(Type.Boolean({ description: 'A secret: the panel types it into a password field' })),
  },
  { additionalProperties: false },
);

const WebhookSetupInfo = Type.Object(
  {
    secretLabel: Type.String({ description: 'What the platform calls the secret Botcast expects' }),
    secretPattern: Type.String({ description: 'The rule a secret set through the API must follow (a regular expression)' }),
    confirmationLabel: Type.Optional(Type.String({ description: 'What the platform calls the string its handshake wants back' })),
    steps: Type.Array(Type.String(), { description: 'What to do in the platform’s settings, in order' }),
  },
  {
    additionalProperties: false,
    description:
      'Present when a person sets the webhook up in the platform’s own settings: the channel’s URL and secret come from ' +
      'GET /api/channels/{id}/webhook-setup, and both the secret and the confirmation string can be set with PATCH /api/channels/{id}',
  },
);

export const PlatformInfo = Type.Object(
  {
    code: PlatformCode,
    displayName: Type.String(),
    defaultRatePerSecond: Type.Number({ description: 'A channel’s send rate unless it sets its own, messages per second' }),
    credentials: Type.Array(CredentialField, { description: 'Every credential field, required ones in the order a form shows them' }),
    webhookHint: Type.String({ description: 'What to do with a channel’s webhook URL' }),
    color: Type.String({ description: 'The platform’s brand colour (CSS)' }),
    webhookSetup: Type.Optional(WebhookSetupInfo),
  },
  { additionalProperties: false },
);

export const platformRoutes = (): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/api/platforms',
    {
      schema: {
        tags: ['channels'],
        summary: 'The platforms a channel can connect to: names, default send rates and the credentials each needs',
        response: { 200: Type.Array(PlatformInfo) },
      },
    },
    async () =>
      PLATFORM_DESCRIPTORS.map(({ webhookSetup, ...p }) => ({
        ...p,
        credentials: [...p.credentials],
        ...(webhookSetup && { webhookSetup: { ...webhookSetup, steps: [...webhookSetup.steps] } }),
      })),
  );
};
