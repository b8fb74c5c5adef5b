// What the API answers: one TypeBox schema per resource, used as the routes' response schemas. They
// make the OpenAPI document (and the typed client made from it) say what each operation returns.
// Objects list every property the services return; those whose shape is open (content, timing,
// platform calls, a caller's data) say so with additionalProperties. test/helpers/app.ts checks
// every answer of the integration tests against them.
import { Type, type TSchema } from '@sinclair/typebox';
import { AnyObject, DateTime, Id, Nullable, NullableDateTime, OpenObject, PlatformCode, RoleSchema } from './schemas.ts';

export const Int = Type.Integer();
export const Str = Type.String();
export const NullableStr = Nullable(Type.String());
export const NullableDateTimeOf = (options: { description: string }) =>
  Type.Unsafe<Date | string | null>({ type: 'string', format: 'date-time', nullable: true, ...options });
export const NullableInt = Nullable(Type.Integer());
export const Json = (description: string) => Type.Unknown({ description });

/**
 * A response schema for the document only: the handlers return the services' rows (typed loosely)
 * and are not held to the schema by the compiler; the integration tests hold the answers to it.
 */
export const doc = <T extends TSchema>(schema: T) => Type.Unsafe<unknown>(schema);

/** A page of a list: the items and the cursor of the next page (null on the last). */
export const PageOf = <T extends TSchema>(item: T) =>
  doc(Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page' })) }));

export const Ok = doc(Type.Object({ ok: Type.Boolean() }));

// Account

export const Workspace = doc(Type.Object({ id: Id, name: Str, createdAt: DateTime }));
export const NewApiKey = doc(
  Type.Object({
    id: Id,
    name: Str,
    prefix: Str,
    key: Type.String({ description: 'The key itself; shown in this answer only' }),
    role: RoleSchema,
    createdAt: DateTime,
  }),
);
export const ApiKey = doc(
  Type.Object({
    id: Id,
    name: Str,
    prefix: Str,
    role: RoleSchema,
    createdAt: DateTime,
    lastUsedAt: NullableDateTime,
    revokedAt: NullableDateTime,
  }),
);
export const Signup = doc(Type.Object({ workspaceId: Id, memberId: Id, apiKey: NewApiKey }));
export const Login = doc(Type.Object({ memberId: Id, workspaceId: Id, name: Str }));
export const Me = doc(
  Type.Object({
    workspace: Workspace,
    memberId: Nullable(Id),
    apiKeyId: Nullable(Id),
    role: RoleSchema,
    settings: Type.Object({
      graceSeconds: Type.Integer({ minimum: 0, description: 'Grace window of instant broadcasts (BOTCAST_GRACE_SECONDS)' }),
    }),
  }),
);
export const Member = doc(Type.Object({ id: Id, email: Str, name: Str, role: RoleSchema, createdAt: DateTime }));
export const Session = doc(
  Type.Object({ id: Id, createdAt: DateTime, expiresAt: DateTime, current: Type.Boolean({ description: 'The session of this request' }) }),
);
export const Revoked = doc(Type.Object({ revoked: Type.Integer({ description: 'How many sessions ended' }) }));
export const AuditEntry = doc(
  Type.Object({ id: Id, actor: Str, action: Str, target: Str, detail: Type.Record(Type.String(), Type.Unknown()), createdAt: DateTime }),
);

// Bots and channels

export const FrequencyCap = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 1000, description: 'At most this many broadcasts…' }),
    days: Type.Integer({ minimum: 1, maximum: 365, description: '…per subscriber within this many days' }),
  },
  { additionalProperties: false },
);
export const Bot = doc(
  Type.Object({
    id: Id,
    name: Str,
    timeZone: Type.String({ description: 'IANA time zone' }),
    optOutKeywords: Type.Array(Str, {
      description: 'A message that is one of these words (any case) opts the subscriber out of broadcasts',
    }),
    optInKeywords: Type.Array(Str, { description: 'A message that is one of these words opts the subscriber back in' }),
    optOutReply: Nullable(Type.String({ description: 'The answer to an opt-out keyword; null = the default text, empty = no answer' })),
    optInReply: Nullable(Type.String({ description: 'The answer to an opt-in keyword; null = the default text, empty = no answer' })),
    frequencyCap: Nullable(FrequencyCap),
    createdAt: DateTime,
  }),
);
export const Channel = doc(
  Type.Object({
    id: Id,
    botId: Id,
    platform: PlatformCode,
    name: Str,
    status: Type.String({ description: 'active, disabled, or a problem the platform reported' }),
    statusMessage: Str,
    ratePerSecond: Type.Number(),
    rateIsDefault: Type.Boolean(),
    allowPaidBroadcast: Type.Boolean({
      description: 'Telegram: sends as paid broadcasts (allow_paid_broadcast: up to 1000/s, paid in Stars per message); false elsewhere',
    }),
    apiBaseUrl: Str,
    credentialsSet: Type.Array(Str, { description: 'Names of the credentials stored (never their values)' }),
    inbound: Type.String({ description: 'webhook or polling' }),
    webhookUrl: Nullable(Type.String({ description: 'Where the platform posts updates (null for the sandbox)' })),
    circuitBreaker: Nullable(
      Type.Object(
        {
          percent: Type.Number({ description: 'Runs on this channel pause themselves above this share of refused messages, in percent' }),
          window: Type.Integer({ description: 'Over this many latest outcomes (also the smallest sample: nothing trips before)' }),
        },
        { description: 'The circuit breaker (issue 17 point 10); null when it is off for this channel' },
      ),
    ),
    lastWebhook: Type.Object(
      { signedAt: Nullable(DateTime), refusedAt: Nullable(DateTime), refusedReason: Nullable(Str) },
      {
        description:
          'The webhook’s last request that checked out (signature, verify token or handshake) and the last one refused, with why; ' +
          'noted at most every 2 s. "Check connection" after a test event from the platform’s settings reads it',
      },
    ),
    createdAt: DateTime,
  }),
);

export const ChannelWebhookSetup = doc(
  Type.Object({
    webhookUrl: Nullable(Type.String({ description: 'Where the platform posts updates' })),
    manual: Type.Boolean({ description: 'The webhook is set up by a person in the platform’s own settings (VK Callback API)' }),
    secretLabel: Nullable(Str),
    secret: Nullable(Type.String({ description: 'The secret to paste into the platform’s settings (only where a person sets it up)' })),
    confirmationLabel: Nullable(Str),
    confirmationSet: Type.Boolean({ description: 'The confirmation string the platform’s handshake wants back is stored' }),
    steps: Type.Array(Str, { description: 'What to do in the platform’s settings, in order' }),
  }),
);

// Subscribers, tags, chats, screens

export const Subscriber = doc(
  Type.Object({
    id: Id,
    botId: Id,
    channelId: Id,
    platform: Str,
    platformUserId: Str,
    name: Str,
    username: Str,
    language: Str,
    status: Type.String({ description: 'active or blocked' }),
    optedOutAt: NullableDateTimeOf({ description: 'When they opted out of broadcasts (null = subscribed)' }),
    optOutSource: Nullable(Type.String({ description: 'keyword, button (a "Not interested" button) or api' })),
    timeZone: Nullable(
      Type.String({
        description: "Their own IANA time zone (set through the API, or guessed from a WhatsApp number's country); null: the bot's",
      }),
    ),
    firstMessageAt: DateTime,
    lastMessageAt: DateTime,
    lastRequest: Json('The data of the last external event call that reached this subscriber (null before any)'),
    tags: Type.Array(Str),
    chatOpen: Type.Boolean(),
  }),
);
export const Changed = doc(Type.Object({ changed: Int }));
export const Tag = doc(Type.Object({ id: Id, name: Str, createdAt: Type.Optional(DateTime), subscribers: Int, inUse: Type.Boolean() }));
export const RenamedTag = doc(Type.Object({ id: Id, name: Str }));
export const OperatorChat = doc(
  Type.Object({
    id: Id,
    botId: Id,
    subscriberId: Id,
    openedAt: DateTime,
    openedBy: Str,
    closedAt: NullableDateTime,
    closedBy: NullableStr,
    closeReason: NullableStr,
  }),
);
export const Closed = doc(Type.Object({ closed: Int }));
export const Screen = doc(
  Type.Object({
    id: Id,
    botId: Id,
    name: Str,
    text: Str,
    media: Nullable(OpenObject({ type: Str, url: Str })),
    buttons: Type.Array(OpenObject({ kind: Str, text: Str, url: Type.Optional(Str) })),
    createdAt: DateTime,
    updatedAt: DateTime,
  }),
);

// Sandbox: responses-sandbox.ts (split for length; it imports this file, never the other way).

// Sends

const Content = OpenObject(
  { type: Type.String({ description: 'text or screen' }) },
  { description: 'What is sent: {type: text, text, media, buttons} or {type: screen, screenId}, as frozen at creation' },
);
export const Timing = OpenObject(
  { type: Type.String({ description: 'instant, delayed or periodic' }) },
  { description: 'When: instant, delayed (at) or periodic (recurrence)' },
);
const Targeting = AnyObject('Who: the channels, the audience and its tags');
const CountFields = { recipients: Int, queued: Int, held: Int, inFlight: Int, sent: Int, failed: Int, cancelled: Int, unknown: Int };
export const Counts = doc(Type.Object(CountFields));
export const PlatformRef = Type.Object({ channelId: Id, platform: Str });
export const Run = doc(
  Type.Object({
    id: Id,
    plannedAt: DateTime,
    state: Type.String({ description: 'pending, materialising, delivering, completed or stopped' }),
    startedAt: NullableDateTime,
    finishedAt: NullableDateTime,
    openUntil: NullableDateTimeOf({
      description: "A trigger's day run: it takes that day's firings until then (with nothing to send it counts as completed)",
    }),
    pausedAt: NullableDateTimeOf({ description: 'A live run paused (POST /api/sends/{id}/pause): since when; null when not paused' }),
    pausedByName: Nullable(Type.String({ description: 'Who paused it, as a person reads it' })),
    pauseReason: Nullable(
      Type.String({
        description:
          'Why it was paused when the circuit breaker did it (too many refused messages), as the log says it; null for a pause a person made',
      }),
    ),
    ...CountFields,
    // Optional: runs are also listed where these are not read.
    unsubscribes: Type.Optional(Type.Integer({ description: 'Recipients who opted out within 24 hours after it reached them' })),
    frequencyCapped: Type.Optional(Type.Integer({ description: "Left out by the bot's frequency cap" })),
  }),
);
export const Send = doc(
  Type.Object({
    id: Id,
    kind: Type.String({ description: 'broadcast, external or trigger' }),
    botId: Id,
    content: Content,
    targeting: Targeting,
    timing: Timing,
    endOpenChats: Type.Boolean(),
    createdBy: Str,
    createdAt: DateTime,
    nextRunAt: NullableDateTime,
    deletedAt: NullableDateTime,
    deletedBy: Nullable(Type.String({ description: 'Who deleted it (an actor id: member:<id>, api_key:<id>)' })),
    deletedByName: Nullable(Type.String({ description: 'Who deleted it, as a person reads it' })),
    createdByName: Type.String({
      description: 'Who created it, as a person reads it (a member, an API key, a trigger, an external event)',
    }),
    sourceId: NullableInt,
    status: Type.String({
      description:
        'grace, scheduled, periodic, delivering, paused (a live run is paused: nothing new is sent until it is resumed), ' +
        'waiting_for_chats (everything left is held by open operator chats), completed, stopped or deleted',
    }),
    graceEndsAt: NullableDateTime,
    secondsUntilStart: NullableInt,
    platforms: Type.Array(PlatformRef),
    counts: Counts,
    runs: Type.Array(Run, { description: 'Newest first, at most 100' }),
    parentSendId: Nullable(Type.Integer({ description: 'A resend: the send it was resent from ("Resent from #N")' })),
    parentRunId: Nullable(Type.Integer({ description: 'A resend: the run of that send it was resent from' })),
    resendOutcomes: Nullable(
      Type.Array(Str, { description: 'A resend: the outcomes it was for (failed, unknown, outside_window, hold_expired)' }),
    ),
    resends: Type.Array(Type.Object({ id: Id, parentRunId: NullableInt, outcomes: Type.Array(Str), createdAt: DateTime }), {
      description: 'Resends made from this send ("Resends: #M"), oldest first, at most 100',
    }),
  }),
);
export const DeletedSend = doc(
  Type.Object({
    id: Id,
    deleted: Type.Boolean(),
    stoppedRuns: Type.Integer({ minimum: 0, description: 'Delivering runs stopped (running=stop)' }),
    continuingRuns: Type.Integer({ minimum: 0, description: 'Delivering runs that go on (running=continue)' }),
  }),
);
export const SettledHolds = doc(
  Type.Object({
    id: Id,
    action: Type.String({ description: 'release or cancel' }),
    deliveries: Type.Integer({ minimum: 1, description: 'Held recipients released or cancelled' }),
  }),
);
export const StoppedSend = doc(Type.Object({ id: Id, stoppedRuns: Int, cancelled: Int }));
export const PausedSend = doc(
  Type.Object({
    id: Id,
    action: Type.String({ description: 'pause or resume' }),
    runs: Type.Integer({ minimum: 1, description: 'Live runs paused or resumed' }),
    paused: Type.Boolean({ description: 'Whether the send is paused now' }),
  }),
);

const ImportProblemSample = Type.Object({ count: Int, sample: Type.Array(Type.Object({ kind: Str, value: Str, line: Int, reason: Str })) });
export const SelectedImport = doc(
  Type.Object({
    importId: Id,
    channelId: Id,
    platform: Str,
    rows: Int,
    matched: Int,
    firstRow: Nullable(Type.Object({ value: Str, line: Int, treatedAs: Type.String({ description: 'id or title' }) })),
    unknown: ImportProblemSample,
    blocked: ImportProblemSample,
    malformed: ImportProblemSample,
    duplicates: ImportProblemSample,
    reportUrl: Str,
  }),
);

// External events and triggers

export const ExternalEvent = doc(
  Type.Object({
    id: Id,
    botId: Id,
    name: Str,
    content: Content,
    endOpenChats: Type.Boolean(),
    ignoreOptOut: Type.Boolean({ description: 'Transactional: also reaches subscribers who opted out of broadcasts' }),
    url: Nullable(Type.String({ description: 'The secret webhook URL (null when it cannot be read: rotate the secret)' })),
    secretRotatedAt: NullableDateTime,
    calls: Int,
    lastCalledAt: NullableDateTime,
    createdAt: DateTime,
    updatedAt: DateTime,
  }),
);
export const ExternalCallResult = doc(
  Type.Object({
    sendId: Id,
    runId: NullableInt,
    event: Type.Object({ id: Id, name: Str }),
    platform: Str,
    users: Type.String({ description: 'everyone or list' }),
    queued: Int,
    unknown: Type.Array(Type.Unknown()),
    blocked: Type.Array(Type.Unknown()),
    // Optional: a replayed response stored before opt-outs existed has none.
    optedOut: Type.Optional(
      Type.Array(Type.Unknown(), { description: 'Users not sent to: they opted out (unless the event ignores opt-outs)' }),
    ),
    duplicates: Type.Integer({ description: 'Users given more than once (sent once)' }),
    openChats: Type.Object({ count: Int, willBe: Str }),
  }),
);

const TriggerFields = {
  id: Id,
  botId: Id,
  name: Str,
  tag: Nullable(Type.Object({ id: Id, name: Str })),
  content: Content,
  delay: OpenObject({ amount: Int, unit: Str, timeOfDay: Type.Optional(NullableStr) }),
  delayText: Str,
  endOpenChats: Type.Boolean(),
  fireAgain: Type.Boolean(),
  enabled: Type.Boolean(),
  position: Int,
  revision: Int,
  pendingFirings: Int,
  createdAt: DateTime,
  updatedAt: DateTime,
};
export const Trigger = doc(Type.Object(TriggerFields));
export const TriggerDetail = doc(
  Type.Object({ ...TriggerFields, firedFirings: Int, cancelledFirings: Int, lastFiredAt: NullableDateTime }),
);
export const Firing = doc(
  Type.Object({
    id: Id,
    subscriberId: Id,
    assignedAt: DateTime,
    dueAt: DateTime,
    state: Type.String({ description: 'pending, fired or cancelled' }),
    reason: NullableStr,
    sendId: NullableInt,
    runId: NullableInt,
    firedAt: NullableDateTime,
    deliveryState: NullableStr,
  }),
);

// History, logs, progress and drafts: responses-history.ts (split for length; it imports this file, never the other way).
