// A WhatsApp template a send carries (issue 16 point 2): which approved template, what fills its
// body variables, whether its header shows the content's image, and whom it goes to. The engine
// sends it to subscribers outside the 24-hour window (policy `outside_window`, the default) or to
// everyone (`everyone`); inside the window the free-form message goes as before.
//
// A body parameter is never empty: WhatsApp refuses a template with an empty parameter, so each
// mapping carries a fallback used whenever its value renders empty (`{{1}}` ← `{{first_name}}`,
// fallback "friend").
import { buildTemplateContext, listVariables, renderTemplate } from '../content/index.ts';
import { invalid } from '../errors.ts';
import type { Recipient } from './content.ts';

export interface TemplateVariableMapping {
  /** Botcast text with {{variables}}, e.g. "{{first_name|friend}}". */
  value: string;
  /** Used when `value` renders empty: never blank. */
  fallback: string;
}

export type TemplatePolicy = 'outside_window' | 'everyone';

export interface WhatsAppTemplateChoice {
  name: string;
  language: string;
  /** Body parameters in order: variables[0] fills {{1}}. */
  variables: TemplateVariableMapping[];
  /** The template's header image is the content's image. */
  headerImage?: boolean;
  policy?: TemplatePolicy;
  /** MARKETING / UTILITY / AUTHENTICATION, frozen from the channel's list when the send is made. */
  category?: string;
}

export const policyOf = (choice: WhatsAppTemplateChoice): TemplatePolicy => choice.policy ?? 'outside_window';

/** Marketing templates leave out people who stopped marketing messages (WhatsApp 131050). */
export const isMarketing = (choice: WhatsAppTemplateChoice): boolean => (choice.category ?? 'MARKETING').toUpperCase() === 'MARKETING';

/** The form's rules, with the field named; the template's own parameter count is checked against the channel's list. */
export function checkTemplateChoice(choice: WhatsAppTemplateChoice, media: { type: string } | null | undefined): void {
  const field = 'content.whatsappTemplate';
  if (!choice.name?.trim()) throw invalid('template_name_required', `${field}.name must name a template`, { field: `${field}.name` });
  if (!choice.language?.trim())
    throw invalid('template_language_required', `${field}.language must be the template's language code, e.g. en_US`, {
      field: `${field}.language`,
    });
  choice.variables.forEach((v, i) => {
    if (!v.fallback?.trim())
      throw invalid('template_fallback_required', `{{${i + 1}}} needs a fallback: WhatsApp refuses a template with an empty parameter`, {
        field: `${field}.variables.${i}.fallback`,
      });
  });
  if (choice.headerImage && media?.type !== 'image')
    throw invalid('template_header_needs_image', 'The template’s header image comes from the message’s image, and this message has none', {
      field: `${field}.headerImage`,
    });
}

export function templateHasVariables(choice: WhatsAppTemplateChoice | undefined): boolean {
  return (choice?.variables ?? []).some((v) => listVariables(v.value).length > 0);
}

/**
 * Meta refuses body parameters with new lines or tabs or more than four spaces in a row (132018,
 * reported by integrators; not on Meta's error page as we read it): such runs become one space.
 */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').replace(/ {5,}/g, '    ');
}

/** The template filled for one recipient: every body parameter non-empty. */
export function fillTemplate(
  choice: WhatsAppTemplateChoice,
  media: { type: string; url: string } | null | undefined,
  recipient: Recipient | null,
  platform: string,
  data: unknown,
): { name: string; language: string; bodyParams: string[]; headerImageUrl?: string } {
  const context = buildTemplateContext(
    { name: recipient?.name || null, username: recipient?.username || null, language: recipient?.language || null, platform },
    data ?? undefined,
  );
  const bodyParams = choice.variables.map((v) => {
    const value = oneLine(renderTemplate(v.value, context).text).trim();
    return value !== '' ? value : oneLine(v.fallback).trim();
  });
  return {
    name: choice.name,
    language: choice.language,
    bodyParams,
    ...(choice.headerImage && media?.type === 'image' ? { headerImageUrl: media.url } : {}),
  };
}

// The structure of a template as WhatsApp lists it (components HEADER / BODY / FOOTER / BUTTONS).

/** The `{{n}}` placeholders of a template's body: how many positional parameters it takes. */
export function bodyParameterCount(components: readonly Record<string, unknown>[]): number {
  const body = components.find((c) => String(c.type).toUpperCase() === 'BODY');
  const text = typeof body?.text === 'string' ? body.text : '';
  let max = 0;
  for (const m of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The header's format (TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION), or null without a header. */
export function headerFormat(components: readonly Record<string, unknown>[]): string | null {
  const header = components.find((c) => String(c.type).toUpperCase() === 'HEADER');
  return header ? (typeof header.format === 'string' ? header.format.toUpperCase() : 'TEXT') : null;
}
