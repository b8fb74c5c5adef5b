// Schemas shared by routes. The same TypeBox schemas validate requests and generate the OpenAPI
// document, so the docs cannot drift from what the API accepts.
import { Type, type ObjectOptions, type Static, type TProperties, type TSchema } from '@sinclair/typebox';
import { PLATFORM_CODES, PLATFORM_DESCRIPTORS, type PlatformCode as PlatformCodeValue } from '../platforms/registry.ts';
import { ROLES } from '../domain/roles.ts';

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const IdParams = Type.Object({ id: Id });
export const BotParams = Type.Object({ botId: Id });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'Stable machine-readable code, e.g. invalid_request, not_found, unauthorized' }),
        message: Type.String({ description: 'What went wrong, for people' }),
        details: Type.Optional(
          Type.Unknown({ description: 'More about the error (the field, the validation errors, ...) when there is more' }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'ErrorResponse', additionalProperties: false, description: 'Every error answer: {"error": {"code", "message", "details"}}' },
);

/** Schemas registered once (app.addSchema) and referenced by $id: components of the OpenAPI document. */
export const SHARED_SCHEMAS = [ErrorResponse];

/** A reference to the shared error shape. */
export const ErrorRef = Type.Unsafe<Static<typeof ErrorResponse>>({ $ref: 'ErrorResponse#' });

/** The error answers every documented route can give (added to each route by server.ts). */
export const ERROR_RESPONSES = {
  400: ErrorRef,
  401: ErrorRef,
  404: ErrorRef,
  '4xx': ErrorRef,
  '5xx': ErrorRef,
};

/** A date and time; the services hand out Date objects, written as ISO 8601 strings. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const NullableDateTime = Type.Unsafe<Date | string | null>({ type: 'string', format: 'date-time', nullable: true });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An object whose listed properties are documented; others may appear (open shapes: data maps, content). */
export const OpenObject = <T extends TProperties>(properties: T, options: ObjectOptions = {}) =>
  Type.Object(properties, { ...options, additionalProperties: true });
/** Any JSON object. */
export const AnyObject = (description?: string) => Type.Record(Type.String(), Type.Unknown(), description ? { description } : {});
/** 204: no body. */
export const NoContent = Type.Unsafe<unknown>(Type.Null({ description: 'No content' }));
/** A non-JSON answer (CSV, plain text) declared by its media type. */
export const TextBody = (mediaType: string, description: string) =>
  Type.Unsafe<unknown>({ description, content: { [mediaType]: { schema: { type: 'string' } } } });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const PlatformCode = Type.Unsafe<PlatformCodeValue>(
  Type.Union(
    PLATFORM_CODES.map((c) => Type.Literal(c)),
    { description: PLATFORM_DESCRIPTORS.map((p) => `${p.code} ${p.displayName}`).join(', ') },
  ),
);

export const ButtonSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('url'), Type.Literal('reply'), Type.Literal('opt_out')], {
      description:
        'url: opens its address; reply: sends its text back; opt_out: a "Not interested" button — sends its text back and opts the person out of broadcasts',
    }),
    text: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const MediaSchema = Type.Object(
  { type: Type.Union([Type.Literal('image'), Type.Literal('file')]), url: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);

/** A role of a member or an API key (src/domain/roles.ts), least to most. */
export const RoleSchema = Type.Union(
  ROLES.map((role) => Type.Literal(role)),
  { description: 'viewer: reads; editor: also sends and edits content; admin: also bots, channels, keys, members; owner: also owners' },
);
