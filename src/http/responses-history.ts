// What the history, log, progress and draft routes answer (split from responses.ts for length).
import { Type } from '@sinclair/typebox';
import { AnyObject, DateTime, Id, Nullable, NullableDateTime } from './schemas.ts';
import {
  Counts,
  doc,
  Int,
  Json,
  NullableDateTimeOf,
  NullableInt,
  NullableStr,
  PageOf,
  PlatformRef,
  Run,
  Str,
  Timing,
} from './responses.ts';

/** One platform's step counts; delivered / read null where the platform does not report them. */
const FunnelStep = Type.Object({
  platform: Str,
  sent: Int,
  delivered: NullableInt,
  read: NullableInt,
  clicked: Type.Union([Int, Type.Null()], {
    description: 'People who clicked a tracked link button; null when the send does not track clicks',
  }),
});

export const HistoryItem = doc(
  Type.Object({
    id: Id,
    runId: NullableInt,
    kind: Str,
    botId: Id,
    contentSummary: Str,
    platforms: Type.Array(PlatformRef),
    tags: Type.Array(Type.Unknown()),
    excludeTags: Type.Array(Type.Unknown()),
    timing: Timing,
    endOpenChats: Type.Boolean(),
    createdAt: DateTime,
    createdBy: Str,
    createdByName: Str,
    nextRunAt: NullableDateTime,
    plannedAt: NullableDateTime,
    startedAt: NullableDateTime,
    finishedAt: NullableDateTime,
    state: NullableStr,
    phase: Nullable(
      Type.String({
        description:
          'Active only: grace, delivering, paused (by a person: POST /api/sends/{id}/resume goes on), ' +
          'or waiting_for_chats (nothing left to send but recipients held by open operator chats)',
      }),
    ),
    holdsExpireAt: NullableDateTimeOf({ description: 'waiting_for_chats: when the first hold expires' }),
    openUntil: NullableDateTimeOf({
      description: "Completed: a trigger's day run with nothing left to send, open for that day's later firings until then",
    }),
    deletedAt: NullableDateTime,
    deletedBy: Nullable(Type.String({ description: 'Who deleted it, as a person reads it' })),
    counts: Counts,
    errors: Int,
    viewErrorsUrl: NullableStr,
    graceSecondsLeft: NullableInt,
    receipts: Type.Object(
      { deliveredPercent: Nullable(Type.Number()), readPercent: Nullable(Type.Number()) },
      { description: 'Delivered and read as % of sent on the platforms that report them; null: not reported' },
    ),
    spark: Nullable(
      Type.Array(Int, {
        description:
          'Completed: messages sent over the run, 24 points from its first to its last 10 seconds (the row’s sparkline); null: none sent',
      }),
    ),
  }),
);
export const History = doc(Type.Object({ section: Str, kinds: Type.Array(Str), items: Type.Array(HistoryItem), nextCursor: NullableStr }));

const LogDelivery = Type.Object({
  id: Id,
  runId: Id,
  subscriberId: Id,
  recipient: Str,
  platform: Str,
  state: Str,
  errorClass: NullableStr,
  errorCode: NullableStr,
  errorText: NullableStr,
  attempts: Int,
  platformMessageId: NullableStr,
  at: DateTime,
  deliveredAt: NullableDateTimeOf({ description: 'When the platform reported it delivered (null: not reported or not yet)' }),
  readAt: NullableDateTimeOf({ description: 'When the platform reported it read (null: not reported or not yet)' }),
});
export const Log = doc(
  Type.Object({
    send: Type.Object({
      id: Id,
      kind: Str,
      status: Str,
      contentSummary: Str,
      createdAt: DateTime,
      createdBy: Str,
      createdByName: Str,
      deletedAt: NullableDateTime,
      deletedBy: Nullable(Type.String({ description: 'Who deleted it, as a person reads it' })),
      timing: Timing,
      platforms: Type.Array(PlatformRef),
      tags: Type.Array(Type.Unknown()),
      excludeTags: Type.Array(Type.Unknown()),
      endOpenChats: Type.Boolean(),
    }),
    run: Nullable(Run),
    runs: Type.Array(Type.Object({ id: Id, plannedAt: DateTime, state: Str, startedAt: NullableDateTime, finishedAt: NullableDateTime })),
    audience: Type.Array(Type.Unknown(), { description: 'The audience events of the run: who was included and left out' }),
    events: Type.Array(
      Type.Object({
        id: Type.Integer({ minimum: 0, description: '0 for the send_deleted line, which belongs to the send rather than a run' }),
        at: DateTime,
        type: Str,
        message: Str,
        data: Json('Details of the event'),
      }),
    ),
    deliveries: PageOf(LogDelivery),
  }),
);
export const Progress = doc(
  Type.Object({
    id: Id,
    status: Str,
    counts: Counts,
    ratePerSecond: Type.Number(),
    failedPerSecond: Type.Number(),
    done: Type.Boolean(),
    funnel: Type.Array(FunnelStep, { description: 'sent → delivered → read → clicked per platform (delivery receipts, tracked links)' }),
    clicks: Type.Union(
      [
        Type.Array(
          Type.Object({
            button: Int,
            text: Str,
            url: Str,
            unique: Type.Integer({ description: 'People who clicked it at least once' }),
            total: Type.Integer({ description: 'All clicks' }),
          }),
        ),
        Type.Null(),
      ],
      { description: 'Per tracked link button (content.trackClicks); null when the send does not track clicks' },
    ),
  }),
);
export const RateSeries = doc(
  Type.Object({ id: Id, bucketSeconds: Int, points: Type.Array(Type.Object({ at: DateTime, sent: Int, failed: Int })) }),
);
export const Draft = doc(
  Type.Object({
    id: Id,
    botId: Id,
    name: Str,
    form: AnyObject('The send form as saved'),
    createdBy: Str,
    createdAt: DateTime,
    updatedAt: DateTime,
  }),
);
