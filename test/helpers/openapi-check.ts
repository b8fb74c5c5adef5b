// Every answer an integration test receives is checked against the response schema the OpenAPI
// document declares for its route and status: a property the schema does not list (unless the
// object is declared open), a missing required one or a wrong type fails the request. This keeps
// openapi.json and the typed client true to what the API really answers.
import type { FastifyInstance } from 'fastify';
import type { Json } from './json.ts';

type Schema = Record<string, Json>;
interface Operation {
  path: RegExp;
  responses: Record<string, Json>;
}

const cache = new WeakMap<FastifyInstance, { doc: Schema; operations: Map<string, Operation[]> }>();

function load(server: FastifyInstance) {
  let entry = cache.get(server);
  if (!entry) {
    const doc = server.swagger() as unknown as Schema;
    const operations = new Map<string, Operation[]>();
    for (const [path, item] of Object.entries<Schema>(doc.paths ?? {})) {
      const regex = new RegExp('^' + path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '/?$');
      for (const [method, op] of Object.entries<Schema>(item)) {
        const list = operations.get(method.toUpperCase()) ?? [];
        list.push({ path: regex, responses: op.responses ?? {} });
        operations.set(method.toUpperCase(), list);
      }
    }
    entry = { doc, operations };
    cache.set(server, entry);
  }
  return entry;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function check(doc: Schema, schema: Schema | undefined, value: unknown, at: string, problems: string[]) {
  if (!schema) return;
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/components/schemas/', '');
    return check(doc, doc.components?.schemas?.[name], value, at, problems);
  }
  if (value === null && schema.nullable) return;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (schema[key]) {
      const results = (schema[key] as Schema[]).map((branch) => {
        const p: string[] = [];
        check(doc, branch, value, at, p);
        return p;
      });
      if (!results.some((p) => p.length === 0)) problems.push(...results.sort((a, b) => a.length - b.length)[0]);
      return;
    }
  }
  if (schema.allOf) for (const branch of schema.allOf) check(doc, branch, value, at, problems);
  if (schema.enum && !schema.enum.some((e: unknown) => e === value))
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
    if (!ok) {
      problems.push(`${at}: ${actual} where the schema says ${types.join(' or ')}${schema.nullable ? ' (nullable)' : ''}`);
      return;
    }
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(doc, schema.items, item, `${at}[${i}]`, problems));
    return;
  }
  if (value && typeof value === 'object' && (schema.properties || schema.additionalProperties !== undefined || schema.type === 'object')) {
    const properties: Schema = schema.properties ?? {};
    for (const name of schema.required ?? []) if (!(name in (value as object))) problems.push(`${at}.${name}: missing (required)`);
    for (const [name, v] of Object.entries(value as object)) {
      if (properties[name]) check(doc, properties[name], v, `${at}.${name}`, problems);
      else if (schema.additionalProperties === true) continue;
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        check(doc, schema.additionalProperties, v, `${at}.${name}`, problems);
      else if (schema.properties) problems.push(`${at}.${name}: not in the schema`);
    }
  }
}

/** Problems of an answer against its documented schema (none when the route or status is undocumented). */
export function responseProblems(
  server: FastifyInstance,
  method: string,
  url: string,
  status: number,
  contentType: string,
  body: string,
): string[] {
  const { doc, operations } = load(server);
  const path = url.split('?')[0];
  const op = (operations.get(method.toUpperCase()) ?? []).find((o) => o.path.test(path));
  if (!op) return [];
  const response = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
  if (!response) return [`${method} ${path}: status ${status} is not documented`];
  if (!contentType.includes('application/json')) {
    if (!body) return [];
    const declared = Object.keys(response.content ?? {});
    return declared.some((t) => contentType.startsWith(t))
      ? []
      : [`${method} ${path} ${status}: ${contentType} is not documented (${declared.join(', ') || 'no body'})`];
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} ${status}: a JSON body where none is documented`];
  const problems: string[] = [];
  check(doc, schema, JSON.parse(body), 'body', problems);
  return problems.map((p) => `${method} ${path} ${status}: ${p}`);
}
