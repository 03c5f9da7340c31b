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
      // Writing HTML as a string is how untrusted text becomes markup: build elements instead.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Build DOM nodes (el(), textContent) instead of assigning HTML.',
        },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM nodes instead of inserting HTML.' },
        { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
      ],
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
)
