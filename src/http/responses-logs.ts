// What the Logs page (GET /api/log-entries) and the resend dialog (GET /api/sends/{id}/resend)
// answer; split from responses.ts and responses-history.ts for length.
import { Type } from '@sinclair/typebox';
import { DateTime, Id, Nullable, NullableDateTime } from './schemas.ts';
import { Counts, doc, Int, Json, NullableStr, PlatformRef, Str } from './responses.ts';

export const LogEntry = Type.Object({
  sendId: Id,
  runId: Nullable(Type.Integer({ description: 'The run whose log this is; null for a send that never ran' })),
  kind: Type.String({ description: 'broadcast, external or trigger' }),
  botId: Id,
  contentSummary: Str,
  platforms: Type.Array(PlatformRef),
  state: Type.String({
    description:
      "The run's state (pending, materialising, delivering, completed, stopped); not_started or deleted for a send that never ran",
  }),
  at: Type.String({ format: 'date-time', description: "When the entry happened: the run's planned time, or the send's creation" }),
  plannedAt: NullableDateTime,
  startedAt: NullableDateTime,
  finishedAt: NullableDateTime,
  createdAt: DateTime,
  createdByName: Str,
  deletedAt: NullableDateTime,
  parentSendId: Nullable(Type.Integer({ description: 'A resend: the send it was resent from' })),
  counts: Nullable(Counts),
  errors: Type.Integer({ minimum: 0, description: 'Failed and unknown deliveries of the run' }),
  logUrl: Type.String({ description: 'The log (GET /api/sends/{id}/log with this run)' }),
  viewErrorsUrl: NullableStr,
});

export const LogEntries = doc(
  Type.Object({
    kinds: Type.Array(Str),
    errors: Type.Boolean({ description: 'Only runs with errors were listed' }),
    items: Type.Array(LogEntry, { description: 'Newest first' }),
    nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page' })),
  }),
);

export const ResendOptions = doc(
  Type.Object({
    sendId: Id,
    runId: Id,
    finished: Type.Boolean({ description: 'Only a finished run (completed or stopped) can be resent' }),
    counts: Type.Object(
      { failed: Int, unknown: Int, outside_window: Int, hold_expired: Int },
      { description: 'Recipients of the run per outcome a resend can go to' },
    ),
    content: Json('The content the run sent (the resend is prefilled with it)'),
  }),
);
