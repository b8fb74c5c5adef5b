// Issue 16 point 2: a WhatsApp template's body variables are filled from Botcast variables, a
// fallback whenever one comes out empty (never an empty parameter); the template message has
// WhatsApp's shape; each new outcome code maps to its class and transition; the claim's rule.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyParameterCount, checkTemplateChoice, fillTemplate, headerFormat } from '../../src/domain/send/wa-template.ts';
import { contentHasVariables } from '../../src/domain/send/content.ts';
import { renderWhatsAppTemplate } from '../../src/platforms/wa/templates.ts';
import { classifyGraphAnswer } from '../../src/platforms/meta-common/classify.ts';
import { WHATSAPP_ERRORS } from '../../src/platforms/wa/classify.ts';
import { leftOutTransition, transitionFor } from '../../src/engine/outcomes.ts';
import { leftOutColumns } from '../../src/engine/sql/claim-window.ts';
import { AppError } from '../../src/domain/errors.ts';

const choice = {
  name: 'spring_sale',
  language: 'en_US',
  variables: [
    { value: '{{first_name}}', fallback: 'friend' },
    { value: '{{order.id|none}} / {{city}}', fallback: 'soon' },
  ],
  headerImage: true,
};
const image = { type: 'image', url: 'https://example.com/a.jpg' };

describe('template variables', () => {
  test('mapped from the recipient and the data; a missing one → its fallback, never empty', () => {
    const filled = fillTemplate(choice, image, { name: 'Ann Lee' }, 'wa', { city: 'Rome', order: { id: 7 } });
    assert.deepEqual(filled, { name: 'spring_sale', language: 'en_US', bodyParams: ['Ann', '7 / Rome'], headerImageUrl: image.url });
    const bare = fillTemplate(
      { ...choice, variables: [choice.variables[0], { value: '{{city}}', fallback: ' soon ' }] },
      image,
      null,
      'wa',
      null,
    );
    assert.deepEqual(bare.bodyParams, ['friend', 'soon']);
    // A value of spaces only is empty too; new lines and tabs (refused by WhatsApp) become spaces.
    const odd = fillTemplate(
      {
        ...choice,
        variables: [
          { value: '{{x}}', fallback: 'f' },
          { value: 'a\n\tb', fallback: 'g' },
        ],
      },
      image,
      null,
      'wa',
      { x: '   ' },
    );
    assert.deepEqual(odd.bodyParams, ['f', 'a b']);
    assert.equal(fillTemplate({ ...choice, headerImage: false }, image, null, 'wa', null).headerImageUrl, undefined);
  });

  test('a fallback of spaces, or an image header without an image, is refused with the field named', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).code;
      }
      return null;
    };
    assert.equal(
      codeOf(() => checkTemplateChoice({ ...choice, variables: [{ value: '{{a}}', fallback: ' ' }] }, image)),
      'template_fallback_required',
    );
    assert.equal(
      codeOf(() => checkTemplateChoice(choice, null)),
      'template_header_needs_image',
    );
    assert.equal(
      codeOf(() => checkTemplateChoice(choice, image)),
      null,
    );
  });

  test('the mapping counts as variables: claims read the profile', () => {
    assert.equal(contentHasVariables({ type: 'text', text: 'plain', whatsappTemplate: choice }), true);
    assert.equal(
      contentHasVariables({ type: 'text', text: 'plain', whatsappTemplate: { ...choice, variables: [{ value: 'x', fallback: 'y' }] } }),
      false,
    );
  });

  test('the template’s structure: body parameters and header format', () => {
    const components = [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'Hi {{1}}, {{2}} and {{ 2 }}' },
    ];
    assert.equal(bodyParameterCount(components), 2);
    assert.equal(headerFormat(components), 'IMAGE');
    assert.equal(headerFormat([{ type: 'BODY', text: 'x' }]), null);
  });

  test('the message: type template, header image, body text parameters', () => {
    const rendered = renderWhatsAppTemplate({
      name: 'spring_sale',
      language: 'en_US',
      bodyParams: ['Ann', 'Monday'],
      headerImageUrl: image.url,
    });
    assert.deepEqual(rendered.calls[0].body, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      type: 'template',
      template: {
        name: 'spring_sale',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: image.url } }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ann' },
              { type: 'text', text: 'Monday' },
            ],
          },
        ],
      },
    });
    assert.deepEqual(renderWhatsAppTemplate({ name: 'plain', language: 'de', bodyParams: [] }).calls[0].body.template as object, {
      name: 'plain',
      language: { code: 'de' },
    });
  });
});

const answer = (code: number) =>
  classifyGraphAnswer(
    { kind: 'response', status: 400, headers: {}, body: { error: { code, message: `(#${code}) x` } }, text: '' },
    { table: WHATSAPP_ERRORS, readId: () => undefined, secrets: [] },
  );
const policy = { maxAttempts: 5, backoffBaseMs: 1000, maxBackoffMs: 300_000, deduplicates: true, now: new Date() };

describe('outcome codes', () => {
  test('131050 → marketing_stopped: final, not an error, flags the subscriber, does not block', () => {
    const outcome = answer(131050);
    assert.equal(outcome.class, 'marketing_stopped');
    const t = transitionFor(outcome, 1, policy);
    assert.deepEqual(
      [t.state, t.outcome, t.blockSubscriber, t.stopMarketing, t.notBefore],
      ['cancelled', 'marketing_stopped', false, true, null],
    );
  });

  test('131049 → marketing_limit: final for this send, reported apart, no channel pause', () => {
    const outcome = answer(131049);
    assert.equal(outcome.class, 'marketing_limit');
    const t = transitionFor(outcome, 1, policy);
    assert.deepEqual([t.state, t.outcome, t.pauseChannelMs, t.stopMarketing ?? false], ['cancelled', 'marketing_limit', 0, false]);
  });

  test('132000–132016 template errors → permanent; 131047 stays outside_window', () => {
    for (const code of [132000, 132001, 132005, 132007, 132012, 132015, 132016])
      assert.equal(answer(code).class, 'permanent', String(code));
    assert.equal(answer(131047).class, 'outside_window');
    const left = leftOutTransition('marketing_stopped');
    assert.deepEqual([left.state, left.outcome, left.code], ['cancelled', 'marketing_stopped', 'marketing_stopped']);
  });
});

describe('the claim’s rule', () => {
  const window = { kind: 'since_last_inbound', hours: 24 } as const;
  test('without a template: left out outside the window; with one: the template outside, marketing-stopped left out', () => {
    assert.match(leftOutColumns(window), /'outside_window'/);
    assert.doesNotMatch(leftOutColumns(window), /viaTemplate/);
    const outside = leftOutColumns(window, { policy: 'outside_window', marketing: true });
    assert.match(outside, /AS "viaTemplate"/);
    assert.match(outside, /marketing_stopped_at IS NOT NULL/);
    assert.doesNotMatch(outside, /'outside_window'/);
    assert.doesNotMatch(leftOutColumns(window, { policy: 'everyone', marketing: false }), /marketing_stopped_at/);
    assert.match(leftOutColumns(window, { policy: 'everyone', marketing: false }), /SELECT true FROM/);
    assert.equal(leftOutColumns(undefined, { policy: 'everyone', marketing: true }), '');
  });
  test('a run that honours opt-outs checks them first, with or without a window or a template', () => {
    assert.match(leftOutColumns(undefined, undefined, true), /^,\s+\(SELECT CASE WHEN s\.opted_out_at IS NOT NULL THEN 'opted_out' END/);
    const both = leftOutColumns(window, { policy: 'outside_window', marketing: true }, true);
    assert.ok(both.indexOf("'opted_out'") < both.indexOf("'marketing_stopped'"));
    assert.match(both, /AS "viaTemplate"/);
  });
});
