// ESLint for the whole repository (npm run lint): TypeScript and Vue rules plus the import boundaries of
// docs/ARCHITECTURE.md §1 — packages/shared does no I/O, routes reach the database only through services.
// Formatting is Prettier's job (npm run format), not the linter's.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

/** Value imports a file group may not make (type-only imports stay allowed: types have no effects). */
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: true })) }],
})

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'coverage/**', '**/*.d.ts', '**/*.d.mts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // The code base names deliberately unused bindings with a leading underscore (destructuring to drop a key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // TypeScript checks names (types such as GeoJSON are global there); ESLint's own check does not know them.
      'no-undef': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Single-word view names (MapView, WallView…) are screens, never custom elements.
      'vue/multi-word-component-names': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Tests poke at JSON answers of any shape.
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/e2e/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Some tests still carry file-level disables for rules that are off for them now; they do no harm.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // Import boundaries.
  {
    // The domain package is pure: no file system, network, database or web framework (tests may read fixtures).
    files: ['packages/shared/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-helper.ts'],
    rules: restrict([
      { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'], message: 'packages/shared does no I/O: pass data in.' },
      { group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*', 'hono', 'hono/*', 'vue', 'pinia'], message: 'packages/shared is framework-free domain logic.' },
      { group: ['**/apps/**'], message: 'packages/shared must not depend on the apps.' },
    ]),
  },
  {
    // Routes are thin: parse, call a service, answer. SQL and the database handle stay behind services.
    files: ['apps/api/src/routes/**/*.ts'],
    rules: restrict([{ group: ['**/db/*', '**/db/**'], message: 'Routes import services, not the database (docs/ARCHITECTURE.md §2).' }]),
  },
  {
    // The HTTP plumbing carries the database handle but never queries.
    files: ['apps/api/src/http/**/*.ts'],
    rules: restrict([{ group: ['**/db/repositories/*', 'drizzle-orm', 'postgres'], message: 'HTTP helpers do not query: a service does.' }]),
  },
  {
    // The web app talks to the API over HTTP only.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.vue'],
    // Tests run in Node, and a guard test reads the web's sources from disk.
    ignores: ['apps/web/src/**/*.test.ts'],
    rules: restrict([
      { group: ['**/apps/api/**', '@hanjiang/api', '@hanjiang/api/*'], message: 'The web app reaches the API over HTTP only.' },
      { group: ['drizzle-orm', 'postgres', '@electric-sql/*', 'node:*'], message: 'No database or Node built-ins in the browser.' },
    ]),
  },
)
