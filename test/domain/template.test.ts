// {{variables}}: syntax, values, defaults, missing ones, safety, and the subscriber context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildTemplateContext, listVariables, renderTemplate } from '../../src/domain/content/index.ts';

const render = (text: string, context: Record<string, unknown>) => renderTemplate(text, context).text;

test('variables, nested keys, array indexes, whitespace inside braces', () => {
  const ctx = {
    name: 'Ann',
    order: { id: 42, items: [{ title: 'Tea' }, { title: 'Cake' }] },
    имя: 'Анна',
    snake_case: 'x',
    'kebab-key': 'y',
  };
  assert.equal(render('Hi {{name}}!', ctx), 'Hi Ann!');
  assert.equal(render('Hi {{ name }}, order {{  order.id  }}', ctx), 'Hi Ann, order 42');
  assert.equal(render('{{order.items.1.title}}', ctx), 'Cake');
  assert.equal(render('{{имя}} {{snake_case}} {{kebab-key}}', ctx), 'Анна x y');
  assert.equal(render('{{name}}{{name}}', ctx), 'AnnAnn');
  assert.equal(render('no variables', ctx), 'no variables');
  assert.equal(render('', ctx), '');
});

test('values: numbers and booleans stringified, scalar arrays joined, objects as JSON', () => {
  const ctx = {
    n: 3.5,
    zero: 0,
    neg: -0,
    yes: true,
    no: false,
    list: ['Tea', 'Cake', 2],
    obj: { a: 1, b: [1, 2] },
    mixed: [{ a: 1 }],
    nan: NaN,
    nul: null,
  };
  assert.equal(render('{{n}} {{zero}} {{neg}} {{yes}} {{no}}', ctx), '3.5 0 0 true false');
  assert.equal(render('{{list}}', ctx), 'Tea, Cake, 2');
  assert.equal(render('{{obj}}', ctx), '{"a":1,"b":[1,2]}');
  assert.equal(render('{{mixed}}', ctx), '[{"a":1}]');
  assert.deepEqual(renderTemplate('[{{nan}}][{{nul}}]', ctx), { text: '[][]', missing: ['nan', 'nul'] });
});

test('defaults: used for missing, null and empty values; quoted to keep spaces', () => {
  const ctx = { name: 'Ann', empty: '', blank: '   ', nul: null, zero: 0, no: false };
  assert.equal(render('Hi {{name|friend}}', ctx), 'Hi Ann');
  assert.equal(render('Hi {{first_name|friend}}', ctx), 'Hi friend');
  assert.equal(render('Hi {{ first_name | dear friend }}!', ctx), 'Hi dear friend!');
  assert.equal(render('Hi {{empty|friend}} {{blank|pal}} {{nul|you}}', ctx), 'Hi friend pal you');
  assert.equal(render('{{zero|none}} {{no|none}}', ctx), '0 false');
  assert.equal(render('[{{x|" spaced "}}] [{{x|\'q\'}}] [{{x|}}] [{{x|a|b}}]', ctx), '[ spaced ] [q] [] [a|b]');
  assert.deepEqual(renderTemplate('{{x|}}{{y}}', ctx).missing, ['y']);
});

test('missing variables render as empty and are reported once each, in order', () => {
  const r = renderTemplate('Hi {{first_name}}, {{order.id}} {{first_name}} {{order.total|0}} {{empty}}', { order: {}, empty: '' });
  assert.deepEqual(r, { text: 'Hi ,   0 ', missing: ['first_name', 'order.id'] });
});

test('no prototype access, no getters, no walking into strings', () => {
  let called = false;
  const ctx: Record<string, unknown> = {
    name: 'Ann',
    obj: {},
    arr: [1, 2],
    parsed: JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c", "ok": 1}'),
    klass: new (class Secret {
      value = 'secret';
    })(),
    date: new Date(0),
    map: new Map([['a', 1]]),
  };
  Object.defineProperty(ctx, 'lazy', {
    enumerable: true,
    get: () => {
      called = true;
      return 'got';
    },
  });
  for (const text of [
    '{{__proto__}}',
    '{{constructor}}',
    '{{constructor.name}}',
    '{{prototype}}',
    '{{toString}}',
    '{{hasOwnProperty}}',
    '{{obj.__proto__}}',
    '{{obj.constructor}}',
    '{{obj.toString}}',
    '{{__proto__.polluted}}',
    '{{parsed.__proto__}}',
    '{{parsed.__proto__.polluted}}',
    '{{parsed.constructor}}',
    '{{name.length}}',
    '{{name.0}}',
    '{{arr.length}}',
    '{{arr.01}}',
    '{{arr.-1}}',
    '{{klass.value}}',
    '{{klass}}',
    '{{date}}',
    '{{map.a}}',
    '{{map}}',
    '{{lazy}}',
  ]) {
    assert.equal(render(text, ctx), '', text);
  }
  assert.equal(render('{{parsed.ok}} {{arr.1}}', ctx), '1 2');
  assert.equal(called, false);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('not tags: left as written; a backslash escapes a tag', () => {
  const ctx = { name: 'Ann', a: 'A' };
  assert.equal(render('{{ }} {{a b}} {{ :) }} {{name', ctx), '{{ }} {{a b}} {{ :) }} {{name');
  assert.equal(render('{{a.}} {{.a}} {{a..b}} {name} {{{name}}}', ctx), '{{a.}} {{.a}} {{a..b}} {name} {Ann}');
  assert.equal(render('\\{{name}} is {{name}}', ctx), '{{name}} is Ann');
  assert.equal(render('<b>{{name}}</b> & {{a}}', { name: '<i>x</i>', a: '&' }), '<b><i>x</i></b> & &'); // no HTML escaping here
  assert.deepEqual(listVariables('\\{{escaped}} {{ :) }}'), []);
});

test('listVariables: unique paths in order, with the first default', () => {
  assert.deepEqual(listVariables('Hi {{ first_name | friend }}, order {{order.id}}; {{first_name}} {{order.id|?}} {{data.x}}'), [
    { path: 'first_name', defaultValue: 'friend' },
    { path: 'order.id' },
    { path: 'data.x' },
  ]);
});

test('buildTemplateContext: built-ins win; data under data.* and as top-level shortcuts', () => {
  const ctx = buildTemplateContext(
    { name: 'Ann Lee', username: 'ann', language: 'en', platform: 'tg' },
    { order: { id: 7 }, name: 'Order name', data: 'inner', __proto__x: 1 },
  );
  assert.equal(render('{{name}}|{{first_name}}|{{username}}|{{language}}|{{platform}}', ctx), 'Ann Lee|Ann|ann|en|tg');
  assert.equal(render('{{order.id}} {{data.order.id}} {{data.name}} {{data.data}}', ctx), '7 7 Order name inner');
  assert.equal(render('{{first_name}}', buildTemplateContext({ name: 'Ann Lee', first_name: 'Annie' })), 'Annie');
  const bare = buildTemplateContext({});
  assert.deepEqual(renderTemplate('Hi {{first_name|friend}} {{username}} {{data.x}}', bare), {
    text: 'Hi friend  ',
    missing: ['username', 'data.x'],
  });
  const proto = buildTemplateContext({ name: 'A' }, JSON.parse('{"__proto__": {"name": "evil"}, "constructor": 1}'));
  assert.equal(render('{{name}}{{__proto__.name}}{{constructor}}{{data.__proto__.name}}', proto), 'A');
});

test('properties: text without "{{" is unchanged; rendering never throws or shows [object Object]', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  fc.assert(
    fc.property(
      fc.string().filter((s) => !s.includes('{{')),
      fc.dictionary(fc.string(), json),
      (text, ctx) => {
        assert.deepEqual(renderTemplate(text, ctx), { text, missing: [] });
      },
    ),
  );
  const piece = fc.oneof(fc.string(), fc.constantFrom('{{', '}}', '|', '.', ' ', '\\', 'a', '__proto__', 'constructor', 'x.y'));
  fc.assert(
    fc.property(
      fc.array(piece).map((p) => p.join('')),
      fc.dictionary(fc.constantFrom('a', 'x', 'y', '__proto__', 'constructor'), json),
      (text, ctx) => {
        const r = renderTemplate(text, ctx);
        assert.ok(!r.text.includes('[object Object]'));
        for (const v of listVariables(text)) assert.ok(!v.path.includes(' '));
      },
    ),
  );
});
