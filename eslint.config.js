// @ts-check
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** The core: pure domain code (CONTRIBUTING.md, "Layout and dependency direction"). */
const CORE = ['src/knowledge', 'src/search', 'src/scoring', 'src/facts', 'src/dialogue', 'src/understanding']

/** Packages the core never imports: the web framework, the LLM client, channel SDKs, database clients, the logger. */
const EDGE_PACKAGES = [
  'hono',
  'hono/*',
  '@hono/*',
  'openai',
  'openai/*',
  '@larksuiteoapi/*',
  'wechaty',
  'wechaty-*',
  'better-sqlite3',
  'ioredis',
  'pino',
  '@wecom/*',
  'fast-xml-parser',
]
/** Folders of src/ the core never imports from, except the two ports (interfaces) it depends on. */
const EDGE_FOLDERS = ['channels', 'server', 'store', 'phrasing', 'runtime', 'observability', 'cli']
const PORTS = ['store/session-store.js', 'phrasing/phraser.js']

/** Only src/config.ts reads the environment. */
const PROCESS_ENV_IMPORTS = ['process', 'node:process'].map((name) => ({
  name,
  importNames: ['env'],
  message: 'Only src/config.ts reads the environment; take the value from Config.',
}))

const coreImports = {
  paths: PROCESS_ENV_IMPORTS,
  patterns: [
    {
      group: EDGE_PACKAGES,
      message: 'The core never imports hono, openai, a channel SDK, a database client or pino (CONTRIBUTING.md).',
    },
    {
      group: [...EDGE_FOLDERS.map((folder) => `**/${folder}/**`), ...PORTS.map((port) => `!**/${port}`)],
      message:
        'The core never imports src/channels, src/server, src/store or src/phrasing (only the ports session-store and phraser); message types live in src/dialogue/messages.ts.',
    },
  ],
}

export default defineConfig(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**', 'test/fixtures/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      // Also catches `const { env } = process`.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only src/config.ts reads process.env; take the value from Config.',
        },
      ],
      'no-restricted-imports': ['error', { paths: PROCESS_ENV_IMPORTS }],
    },
  },
  {
    files: CORE.map((folder) => `${folder}/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', coreImports],
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression[source.value=/^(hono|@hono\\/|openai|@larksuiteoapi\\/|wechaty|better-sqlite3|ioredis|pino|@wecom\\/|fast-xml-parser)/]`,
          message: 'The core never loads an edge package, not even lazily.',
        },
        {
          selector: `ImportExpression[source.value=/\\/(${EDGE_FOLDERS.join('|')})\\//]`,
          message: 'The core never loads an edge module, not even lazily.',
        },
      ],
    },
  },
)
