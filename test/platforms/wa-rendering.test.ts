// WhatsApp rendering: what each content becomes on the Cloud API and what degrades (buttons as text,
// cut titles, split captions, cut text), and the Graph API version in every URL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { whatsapp } from '../../src/platforms/wa/index.ts';
import { GRAPH_API_VERSION, graphUrl } from '../../src/platforms/meta-common/graph.ts';
import type { MessageContent } from '../../src/platforms/types.ts';

describe('whatsapp rendering degradations', () => {
  const codes = (content: MessageContent) => whatsapp.render(content).degradations.map((d) => d.code);

  test('plain text has no degradation; a link turns the preview on', () => {
    const rendered = whatsapp.render({ text: 'See https://example.com' });
    assert.deepEqual(rendered.degradations, []);
    assert.deepEqual(rendered.calls[0].body.text, { preview_url: true, body: 'See https://example.com' });
  });

  test('4 reply buttons → numbered text', () => {
    const rendered = whatsapp.render({ text: 'Pick', buttons: ['A', 'B', 'C', 'D'].map((text) => ({ kind: 'reply' as const, text })) });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['buttons_as_text'],
    );
    assert.equal((rendered.calls[0].body.text as { body: string }).body, 'Pick\n\n1. A\n2. B\n3. C\n4. D');
  });

  test('2 URL buttons → numbered links (cta_url takes one)', () => {
    const rendered = whatsapp.render({
      text: 'Links',
      buttons: [
        { kind: 'url', text: 'One', url: 'https://1.example' },
        { kind: 'url', text: 'Two', url: 'https://2.example' },
      ],
    });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['buttons_as_text'],
    );
    assert.equal((rendered.calls[0].body.text as { body: string }).body, 'Links\n\n1. One: https://1.example\n2. Two: https://2.example');
  });

  test('reply + URL buttons → reply buttons, the URL as a link in the body', () => {
    const rendered = whatsapp.render({
      text: 'Hi',
      buttons: [
        { kind: 'reply', text: 'Yes' },
        { kind: 'url', text: 'Site', url: 'https://s.example' },
      ],
    });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['buttons_as_text'],
    );
    const interactive = rendered.calls[0].body.interactive as { type: string; body: { text: string } };
    assert.equal(interactive.type, 'button');
    assert.equal(interactive.body.text, 'Hi\n\n1. Site: https://s.example');
  });

  test('button titles over 20 characters are cut', () => {
    const rendered = whatsapp.render({ text: 'Hi', buttons: [{ kind: 'reply', text: 'A very long answer indeed' }] });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['button_title_truncated'],
    );
    const title = (rendered.calls[0].body.interactive as { action: { buttons: { reply: { title: string } }[] } }).action.buttons[0].reply
      .title;
    assert.equal(Array.from(title).length, 20);
  });

  test('a body over 1024 characters cannot carry buttons', () => {
    assert.deepEqual(codes({ text: 'x'.repeat(1100), buttons: [{ kind: 'reply', text: 'Ok' }] }), ['buttons_as_text']);
  });

  test('a caption over 1024 characters becomes a second text message', () => {
    const rendered = whatsapp.render({ text: 'y'.repeat(1100), media: { type: 'image', url: 'https://example.com/a.png' } });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['caption_split'],
    );
    assert.deepEqual(
      rendered.calls.map((c) => c.body.type),
      ['image', 'text'],
    );
  });

  test('text over 4096 characters is cut', () => {
    const rendered = whatsapp.render({ text: 'z'.repeat(5000) });
    assert.deepEqual(
      rendered.degradations.map((d) => d.code),
      ['text_truncated'],
    );
    assert.equal(Array.from((rendered.calls[0].body.text as { body: string }).body).length, 4096);
  });

  test('the Graph API version lives in one constant and shapes every URL', () => {
    assert.equal(
      graphUrl('https://graph.example/', '106540352242922', 'messages'),
      `https://graph.example/${GRAPH_API_VERSION}/106540352242922/messages`,
    );
  });
});
