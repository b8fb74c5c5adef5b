// Lint: the recommended rules, plus the direction of dependencies over the whole of src/.
// TypeScript is linted with type information (the project service reads tsconfig.json), so
// promises that nobody awaits or that are handed where a plain callback is expected are errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Dependencies point one way (STYLE.md): domain ← storage ← engine, services ← http ← cli, app.ts.
//  - domain: pure types and rules; imports nothing but itself.
//  - storage: the database port, its drivers and the queries engine and services share; no feature.
//  - platforms: one module per platform behind one interface; the domain's message, the database
//    port (the sandbox keeps its messages), security; nothing that uses them.
//  - engine: domain, storage, platforms. What it needs of the services it declares as ports
//    (src/engine/ports.ts), which app.ts plugs in: it never imports a service.
//  - services: domain, storage, platforms, security, imports; never the engine or HTTP.
//  - http: services, domain, platforms' types; never the engine.
// src/app.ts and src/cli/ are the composition roots: they may import everything.
const folders = (...names) => names.map((name) => `**/${name}/**`);
const layer = (files, message, group) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] } });
const ROOTS = ['**/app.ts', ...folders('cli')];

export default tseslint.config(
  { ignores: ['node_modules', 'botcast-data', 'web/dist', 'test-results', 'dist', 'scratch', '.tmp-*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe() and test() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  layer(['src/domain/**/*.ts'], 'the domain imports nothing but the domain', [
    ...folders('http', 'storage', 'platforms', 'engine', 'services', 'security', 'imports'),
    ...ROOTS,
    '**/config.ts',
    '**/logger.ts',
    'fastify',
    'pg',
    '@electric-sql/*',
    'undici',
  ]),
  layer(['src/storage/**/*.ts'], 'storage knows no feature: move shared SQL to src/storage/queries/ and types to src/domain/', [
    ...folders('engine', 'services', 'http', 'platforms'),
    ...ROOTS,
  ]),
  layer(['src/platforms/**/*.ts'], 'a platform module implements the platform interface and uses nothing above it', [
    ...folders('engine', 'services', 'http', 'storage'),
    '!**/storage/db.ts',
    ...ROOTS,
    '**/config.ts',
  ]),
  layer(
    ['src/engine/**/*.ts'],
    'the engine uses the domain, storage and platforms; what it needs of the services is a port in src/engine/ports.ts, plugged in by src/app.ts',
    [...folders('services', 'http', 'security'), ...ROOTS, '**/config.ts', 'fastify'],
  ),
  layer(
    ['src/services/**/*.ts'],
    'services use the domain, storage and platforms, never the engine (shared SQL: src/storage/queries/) or HTTP',
    [...folders('engine', 'http'), ...ROOTS, 'fastify'],
  ),
  layer(['src/http/**/*.ts'], 'the HTTP layer calls services, never the engine', [...folders('engine'), ...ROOTS]),
  layer(
    ['src/imports/**/*.ts', 'src/security/**/*.ts'],
    'file parsers and security helpers are leaves: they import no other part of Botcast',
    [...folders('engine', 'services', 'http', 'storage', 'platforms'), ...ROOTS],
  ),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The admin panel runs in the browser and talks to Botcast only through the public HTTP API.
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
