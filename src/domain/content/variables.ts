// The variables a send fills in a message for one subscriber.
//
// Built-ins, always present (null when unknown, which counts as missing):
//   {{name}} {{first_name}} {{username}} {{language}} {{platform}}
// External-event data (SPEC 2.2, the `data` object of the call, stored as the subscriber's last
// request) is available two ways:
//   {{data.order.id}}   always, under the reserved `data` namespace;
//   {{order.id}}        as a shortcut, for every top-level data key that is not a built-in name
//                       and not "data" — built-ins win, so {{name}} is always the subscriber's name
//                       and a data key "name" is reached as {{data.name}}.
// first_name falls back to the first word of name when the platform gives only a full name.
import type { TemplateContext } from './template.ts';

export const BUILTIN_VARIABLES = ['name', 'first_name', 'username', 'language', 'platform'] as const;
export type BuiltinVariable = (typeof BUILTIN_VARIABLES)[number];

export const BUILTIN_VARIABLE_DESCRIPTIONS: Readonly<Record<BuiltinVariable, string>> = {
  name: "The subscriber's name as the platform gives it",
  first_name: "The subscriber's first name (the first word of the name if the platform has no first name)",
  username: "The subscriber's username on the platform, if any",
  language: "The subscriber's language code, if the platform tells it (e.g. en, ru)",
  platform: 'The platform the message goes to',
};

export type SubscriberVariables = Partial<Record<BuiltinVariable, string | null>>;

const RESERVED = new Set<string>([...BUILTIN_VARIABLES, 'data', '__proto__', 'constructor', 'prototype']);

/** Builds the context for renderTemplate from a subscriber's profile and the event data (if any). */
export function buildTemplateContext(subscriber: SubscriberVariables, data?: unknown): TemplateContext {
  const context: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    for (const key of Object.keys(data)) {
      if (!RESERVED.has(key)) context[key] = (data as Record<string, unknown>)[key];
    }
  }
  context.data = data ?? null;
  const name = subscriber.name ?? null;
  context.name = name;
  context.first_name = subscriber.first_name || firstWord(name);
  context.username = subscriber.username ?? null;
  context.language = subscriber.language ?? null;
  context.platform = subscriber.platform ?? null;
  return context;
}

function firstWord(name: string | null): string | null {
  const word = name?.trim().split(/\s+/)[0];
  return word ? word : null;
}
