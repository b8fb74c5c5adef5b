// Response schemas of the previews: who a send would reach (and who is left out, and why), what a
// test send did, and what each platform makes of a content. Split from responses.ts, which these
// build on (imported from here directly: a re-export there would be a circular import).
import { Type } from '@sinclair/typebox';
import { Int, Str, doc } from './responses.ts';
import { AnyObject, Id, Nullable } from './schemas.ts';

const PreviewExcluded = Type.Object({
  exclusionTags: Int,
  blocked: Int,
  optedOut: Type.Integer({ description: 'Active subscribers the audience matches who opted out of broadcasts' }),
  frequencyCapped: Type.Integer({ description: "Left out by the bot's frequency cap (0 when the bot has none)" }),
});
const Reach = Type.Object(
  {
    freeForm: Type.Integer({ description: 'Recipients who get the message as written (the same as `recipients`)' }),
    leftOut: Type.Array(
      Type.Object({
        reason: Type.String({ description: 'outside_window, blocked, opted_out, frequency_capped or exclusion_tags' }),
        count: Int,
        text: Str,
      }),
      { description: 'Everyone the audience matches who is not sent to, by reason (only reasons with someone)' },
    ),
    windowNote: Nullable(Type.String({ description: 'Why people outside the platform’s messaging window are left out' })),
    cost: Nullable(
      Type.Object(
        {
          currency: Type.String({ description: 'XTR: Telegram Stars' }),
          amount: Type.Number({ description: 'Estimated charge: messages × pricePerMessage' }),
          messages: Int,
          messagesPerRecipient: Type.Integer({ description: 'API messages per recipient (from `content`; 1 without it)' }),
          pricePerMessage: Type.Number(),
          priceAsOf: Type.String({ description: 'Date of the default price (the platform may change it)' }),
          source: Str,
        },
        { description: 'Where the platform bills per message (Telegram paid broadcasts); null where sending is free' },
      ),
    ),
  },
  { description: 'Reach and cost (issue 16): who gets it, who is left out and why, what the platform charges' },
);
const WhatsAppTemplateReach = Type.Object(
  {
    name: Str,
    language: Str,
    category: Nullable(Type.String({ description: 'MARKETING, UTILITY or AUTHENTICATION (null: not in the channel’s list)' })),
    policy: Type.String({ description: 'outside_window or everyone' }),
    freeForm: Type.Integer({ description: 'Inside the 24-hour window: the free-form message' }),
    template: Type.Integer({ description: 'The template (outside the window, or everyone)' }),
    marketingStopped: Type.Integer({ description: 'Left out: stopped marketing messages, and the template is a marketing one' }),
  },
  { description: 'When the send carries a WhatsApp template (content.whatsappTemplate): who gets what on this channel' },
);
const PlatformPreview = Type.Object({
  channelId: Id,
  platform: Str,
  recipients: Int,
  excluded: PreviewExcluded,
  leftOut: Type.Object(
    {
      count: Int,
      reason: Nullable(
        Type.String({
          description:
            'outside_window: has not written within the platform’s messaging window; marketing_stopped: stopped marketing messages (with a marketing template)',
        }),
      ),
      hours: Nullable(
        Type.Integer({ description: 'The window, hours since the person’s last message (WhatsApp, Messenger, Instagram: 24)' }),
      ),
    },
    { description: 'Left out before sending by the platform’s policy: not in `recipients`, never an error' },
  ),
  openChats: Type.Object({ count: Int, willBe: Type.String({ description: 'held or closed' }) }),
  reach: Reach,
  whatsappTemplate: Type.Optional(WhatsAppTemplateReach),
});
export const AudiencePreview = doc(
  Type.Object({
    recipients: Int,
    excluded: PreviewExcluded,
    outsideWindow: Type.Integer({ description: 'Left out by messaging windows, all platforms (per platform: platforms[].leftOut)' }),
    openChats: Type.Object({ count: Int, willBe: Type.String({ description: 'held or closed' }) }),
    platforms: Type.Array(PlatformPreview),
    includeTags: Type.Array(Type.Unknown()),
    excludeTags: Type.Array(Type.Unknown()),
  }),
);
const Degradations = Type.Array(Type.Unknown(), { description: 'What this platform cannot show as given, and what it shows instead' });
export const TestSendResult = doc(
  Type.Object({
    platform: Str,
    subscriberId: Id,
    outcome: AnyObject('What the platform answered: ok, or the error class and text'),
    degradations: Degradations,
    missingVariables: Type.Array(Str),
  }),
);
export const ContentPreview = doc(
  Type.Array(
    Type.Object({
      platform: Str,
      displayName: Str,
      calls: Type.Array(Type.Unknown(), { description: 'The platform API calls that would be made' }),
      degradations: Degradations,
    }),
  ),
);
