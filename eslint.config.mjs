// Lint rules: typescript-eslint's recommended set plus the layering rules of ../shared/STYLE.md.
import tseslint from 'typescript-eslint';
import { folderEntryPlugin } from './scripts/folder-entry-rule.mjs';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const sdk = (group, message) => ({ group, message });

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'test-artifacts/**',
      'adapters/web/static/**',
      'adapters/web/console/assets/**',
      'bin/**',
      'dist/**',
      'dist.*/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only app/config.ts reads process.env.',
        },
      ],
    },
  },
  { files: ['app/config.ts', 'test/**', 'bench/**', 'scripts/**'], rules: { 'no-restricted-syntax': 'off' } },
  // A folder is entered only through its index.ts (issue 17 point 9; codemod: scripts/folder-entry.ts).
  {
    files: ['**/*.ts'],
    ignores: ['test/**', 'bench/**', 'scripts/**'],
    plugins: { kotae: folderEntryPlugin },
    rules: { 'kotae/folder-entry': 'error' },
  },
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // One SDK, one folder.
  {
    files: [
      'bot/**',
      'conversations/**',
      'core/**',
      'calendar/**',
      'tickets/**',
      'notify/**',
      'reports/**',
      'jobs/**',
      'knowledge/**',
      'ingest/**',
      'privacy/**',
      'operations/**',
    ],
    rules: restrict([
      sdk(['express', 'express/*'], 'express only under adapters/web.'),
      sdk(['typeorm', 'typeorm/*', 'better-sqlite3', 'mssql'], 'database drivers only under db/.'),
      sdk(
        ['@microsoft/agents-*', '@microsoft/microsoft-graph-client', '@azure/msal-node', 'openai'],
        'cloud SDKs only in their adapter.',
      ),
      sdk(
        ['../adapters/*', '../../adapters/*', '../db/*', '../../db/*', '../db', '../../db', '../app/*', '../app'],
        'domain code does not import edges, db or the composition root.',
      ),
    ]),
  },
  {
    files: ['bot/**'],
    rules: restrict([
      sdk(
        ['express', 'typeorm', 'hnswlib-node', 'kuromoji', '@microsoft/*', 'openai', '@azure/*'],
        'bot/ declares ports; it imports no SDK.',
      ),
      sdk(['../adapters/*', '../db/*', '../db', '../app/*', '../ingest/*', '../ingest'], 'bot/ does not import edges.'),
    ]),
  },
  {
    files: ['knowledge/**'],
    ignores: ['knowledge/hnsw-vector-index.ts'],
    rules: restrict([sdk(['hnswlib-node'], 'hnswlib-node only in knowledge/hnsw-vector-index.ts.')]),
  },
  {
    files: ['db/**', 'adapters/cli/**', 'adapters/teams/**', 'adapters/graph/**', 'adapters/llm/**', 'manifest/**'],
    rules: restrict([sdk(['express', 'express/*'], 'express only under adapters/web.')]),
  },
  {
    files: ['adapters/**', 'app/**', 'manifest/**'],
    ignores: ['adapters/teams/**'],
    rules: restrict([sdk(['@microsoft/agents-*'], 'the Agents SDK only under adapters/teams.')]),
  },
);
