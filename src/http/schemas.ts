// Schemas shared by routes. The same TypeBox schemas validate requests and generate the OpenAPI
// document, so the docs cannot drift from what the API accepts.
import { Type, type TSchema } from '@sinclair/typebox';
import { PLATFORM_CODES, PLATFORM_DESCRIPTORS, type PlatformCode as PlatformCodeValue } from '../platforms/registry.ts';

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const IdParams = Type.Object({ id: Id });
export const BotParams = Type.Object({ botId: Id });

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const PlatformCode = Type.Unsafe<PlatformCodeValue>(Type.Union(
  PLATFORM_CODES.map((c) => Type.Literal(c)),
  { description: PLATFORM_DESCRIPTORS.map((p) => `${p.code} ${p.displayName}`).join(', ') },
));

export const ButtonSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('url'), Type.Literal('reply')]),
    text: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const MediaSchema = Type.Object(
  { type: Type.Union([Type.Literal('image'), Type.Literal('file')]), url: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);

/** Standard error responses for the OpenAPI document. */
export const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse };
