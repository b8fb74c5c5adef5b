// What the routes of an editable resource repeat (external events and trigger events today): the
// options of a route documented under the resource's OpenAPI tag, and the create and patch bodies
// built from one list of fields, so that the two bodies cannot drift apart.
import { Type, type TObject, type TOptional, type TProperties, type TSchema } from '@sinclair/typebox';
import type { FastifySchema } from 'fastify';

/** `route(schema)` gives the options of a route documented under `tag`: `{ schema: { tags: [tag], ...schema } }`. */
export const taggedRoute =
  (tag: string) =>
  <S extends FastifySchema & { summary: string }>(schema: S) => ({ schema: { tags: [tag], ...schema } });

type CreateProperties<F extends TProperties, R extends keyof F> = { [K in keyof F]: K extends R ? F[K] : TOptional<F[K]> };
type PatchProperties<F extends TProperties> = { [K in keyof F]: TOptional<F[K]> };

/**
 * The bodies of creating a resource (the `required` fields must be there, the others may) and of
 * changing it (every field may be there), in the order of `fields`; no other property is accepted.
 */
export function editBodies<F extends TProperties, R extends keyof F & string>(
  fields: F,
  required: readonly R[],
): { create: TObject<CreateProperties<F, R>>; patch: TObject<PatchProperties<F>> } {
  const properties = (isRequired: (key: string) => boolean) =>
    Object.fromEntries(
      Object.entries(fields).map(([key, schema]: [string, TSchema]) => [key, isRequired(key) ? schema : Type.Optional(schema)]),
    );
  return {
    create: Type.Object(properties((key) => (required as readonly string[]).includes(key)) as CreateProperties<F, R>, {
      additionalProperties: false,
    }),
    patch: Type.Object(properties(() => false) as PatchProperties<F>, { additionalProperties: false }),
  };
}
