// ESLint, configured once for the whole tree (npm run lint). Besides typescript-eslint's
// recommended rules it enforces the layering described in ARCHITECTURE.md:
//   main/core      pure: no Node, no DOM, no Electron, nothing from the other layers;
//   renderer       the UI: no Node, no Electron, no zod (schemas stay on the Node side);
//   main/electron  the only place that imports 'electron' at run time.
// Formatting is Prettier's (npm run format); eslint-config-prettier is not needed because no
// stylistic rule is turned on here.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'url',
  'http',
  'net',
  'stream',
  'zlib',
  'util',
]

/** Import restrictions: `electron` only in main/electron (type-only imports are allowed anywhere). */
const electronOnlyInShell = { name: 'electron', allowTypeImports: true, message: "Only main/electron imports 'electron' at run time." }

/** Writing HTML as a string is how untrusted text becomes markup: build elements instead. */
const NO_HTML_STRINGS = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Build DOM nodes (el(), textContent) instead of assigning HTML.',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM nodes instead of inserting HTML.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
]

/**
 * In the engine, no names declared from an array written for them (`const [a, b] = [x, y]`):
 * destructuring runs the iterator protocol, which V8's unoptimised bytecode pays for at every
 * call, and a short run of the engine runs mostly unoptimised (engine-script.mjs
 * INTERRUPT_BUDGET). Declared one by one, the 90 such declarations took the bundled corpus's
 * `overlaps --json` from 452 to 439 ms (medians of 21 alternating runs).
 */
const NO_ARRAY_DECLARATIONS = {
  selector: "VariableDeclarator[id.type='ArrayPattern'][init.type='ArrayExpression']",
  message: 'Declare each name on its own: destructuring an array literal is slow in unoptimised code (see eslint.config.js).',
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Control characters are matched on purpose (binary detection, characters XML 1.0 forbids).
      'no-control-regex': 'off',
      'no-restricted-syntax': ['error', ...NO_HTML_STRINGS],
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: NODE_BUILTINS, message: 'main/core is pure: no Node modules.' },
            { group: ['**/node/**', '**/electron/**', '**/renderer/**'], message: 'main/core imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
  {
    // (A block's no-restricted-syntax replaces the one above: the list is given whole again.)
    files: ['main/core/engine/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_HTML_STRINGS, NO_ARRAY_DECLARATIONS] },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer runs in the page: no Node modules.' },
            { group: ['**/main/node/**', '**/main/electron/**'], message: 'The renderer reaches the services only through its client.' },
            {
              group: ['zod', '**/contract/schemas*'],
              allowTypeImports: true,
              message: 'Schemas are validated on the Node side; the renderer bundle carries no zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // CommonJS scripts (the CLI's entry, run.cjs: Node starts it without its ES module loader).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
