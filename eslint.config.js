import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import boundaries from 'eslint-plugin-boundaries';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

// The lab's two sides (README "Project layout"), one folder each: the Web
// Worker's runtime (worker/, and the shell it runs) and the page's client of it
// (page/). Everything else in src/lab (the root's shared modules, checks/) is shared.
const LAB_WORKER = ['src/lab/worker/**', 'src/lab/shell/**'];
const LAB_PAGE = ['src/lab/page/**'];
// The lab's shared face (FACES below): the other rooms' way to its types and shared
// modules; the preview takes types of it, and the run outcome's schema (it reads the learner's store with it).
const LAB_FACE = ['src/lab/index.ts'];
// Pure file-format helpers of the shell that the (shared) checks use too.
const LAB_FORMAT = ['src/lab/shell/dvcFormat.ts', 'src/lab/shell/md5.ts'];
// The framework-free rooms: pure logic the CLI, the worker and tests run without React.
const FRAMEWORK_FREE = ['src/content/**', 'src/progress/**', 'src/lab/**'];
const TS_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs'];
const ROOMS = ['app', 'author', 'lesson', 'preview', 'progress', 'lab', 'content', 'lib'];
// Each room's face: the files another room may import of it (README "Project
// layout"). Inside a room files import each other freely. The lesson, author and
// app rooms have none: nothing imports app; author and the lesson pages are lazy
// chunks that app opens file by file.
const FACES = {
  content: ['./index.ts', './parse.ts'], // the course the app reads; the parser (author view, CLI)
  progress: ['./index.ts'],
  preview: ['./index.ts'],
  lib: ['./index.ts', './react.ts'], // helpers without React (for every room); those built on React
  // The shared face, the page side's face, and the reference's data (loaded lazily, a chunk of its own).
  lab: ['./index.ts', './page/index.ts', './reference.json'],
};
const faceZones = Object.entries(FACES).map(([room, faces]) => ({
  target: ROOMS.filter((r) => r !== room).map((r) => `src/${r}/**`),
  from: `src/${room}`,
  except: faces,
  message: `Another room enters src/${room} only through its face (${faces.map((f) => f.slice(2)).join(', ')}); see README "Project layout".`,
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles: modules that import each other cannot be understood, tested
    // or moved one at a time, and a cycle makes module start-up order matter.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': TS_EXTENSIONS,
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: [...TS_EXTENSIONS, '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The framework-free rooms hold no React: neither its packages, nor the
    // project's .tsx components, nor JSX of their own, nor packages built on
    // React: zustand's `create` is React's; these rooms use 'zustand/vanilla'
    // (the hooks are bound in src/lesson: useProgress.ts, useLabSession.ts).
    // And each room is entered through its face (faceZones, above). One rule config
    // holds both, as a later block's would replace an earlier one's.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: FRAMEWORK_FREE,
              from: ['src/**/*.tsx', 'src/lib/react.{ts,tsx}', 'node_modules/react/**', 'node_modules/react-dom/**', 'node_modules/@testing-library/**'],
              message: 'src/content, src/progress and src/lab are framework-free: React (its packages, .tsx components) belongs in app, lesson, preview or author; see README "Project layout".',
            },
            {
              // zustand's root entry is its React hook (`create`, `useStore`); the vanilla store is open.
              target: FRAMEWORK_FREE,
              from: 'node_modules/zustand',
              except: ['./vanilla.js', './vanilla.d.ts', './vanilla', './esm/vanilla.mjs', './esm/vanilla.d.mts', './esm/vanilla'],
              message: 'src/content, src/progress and src/lab are framework-free: zustand\'s React hook belongs in app or lesson; import createStore from \'zustand/vanilla\' here (README "Project layout").',
            },
            ...faceZones,
          ],
        },
      ],
    },
  },
  {
    files: FRAMEWORK_FREE,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXElement, JSXFragment', message: 'src/content, src/progress and src/lab are framework-free: JSX belongs in app, lesson, preview or author.' },
      ],
    },
  },
  {
    // Rooms with one-way doors (README "Project layout"). Each folder of src/ is
    // a room (nested folders belong to it); inside src/lab each file gets its
    // side by the LAB_* globs above, i.e. by the folder it sits in.
    files: ['src/**/*.{ts,tsx}'],
    // The entry point only mounts the app and its styles.
    ignores: ['src/main.tsx'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      // Lazy views (import()) and re-exports cross rooms too.
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'boundaries/elements': ROOMS.map((room) => ({ type: room, pattern: `src/${room}` })),
      // Inside the lab, files are sorted by side (a file may have several categories).
      'boundaries/files': [
        { category: 'lab-worker', pattern: LAB_WORKER },
        { category: 'lab-page', pattern: LAB_PAGE },
        { category: 'lab-format', pattern: LAB_FORMAT },
        { category: 'lab-face', pattern: LAB_FACE },
        // Every file gets a category, so "none of these" selectors can match it.
        { category: 'source', pattern: 'src/**' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkInternals: true,
          message: 'Room boundary: {{from.element.type}} ({{from.file.categories}}) may not import {{to.element.type}} ({{to.file.categories}}); see README "Project layout".',
          policies: [
            { from: { element: { type: 'app' } }, allow: { to: { element: { type: '*' } } } },
            // The author view (npm run dev only) composes the whole app: lesson pages, the parser, a scratch lab.
            { from: { element: { type: 'author' } }, allow: { to: { element: { type: '*' } } } },
            { from: { element: { type: 'lesson' } }, allow: { to: { element: { type: ['lesson', 'content', 'progress', 'preview', 'lib'] } } } },
            // The page-side client, types and shared modules of the lab; never its worker side.
            { from: { element: { type: 'lesson' } }, allow: { to: { element: { type: 'lab' }, file: { categories: { noneOf: ['lab-worker'] } } } } },
            { from: { element: { type: 'preview' } }, allow: { to: { element: { type: ['preview', 'lib'] } } } },
            // Through the lab's face: its types, and of its values only the run outcome's schema.
            { from: { element: { type: 'preview' } }, allow: { to: { element: { type: 'lab' }, file: { categories: 'lab-face' } }, dependency: { kind: 'type' } } },
            { from: { element: { type: 'preview' } }, allow: { to: { element: { type: 'lab' }, file: { categories: 'lab-face' } }, dependency: { specifiers: 'outcomeSchemas' } } },
            // (An allow matches when some name does: an import that names any other value besides is refused.)
            { from: { element: { type: 'preview' } }, disallow: { to: { element: { type: 'lab' }, file: { categories: 'lab-face' } }, dependency: { kind: 'value', specifiers: '!outcomeSchemas' } } },
            // The registry names the content schema's services, as types only.
            { from: { element: { type: 'preview' } }, allow: { to: { element: { type: 'content' } }, dependency: { kind: 'type' } } },
            { from: { element: { type: 'progress' } }, allow: { to: { element: { type: ['progress', 'lib'] } } } },
            { from: { element: { type: ['progress', 'lab'] } }, allow: { to: { element: { type: 'content' } }, dependency: { kind: 'type' } } },
            { from: { element: { type: 'content' } }, allow: { to: { element: { type: ['content', 'lib'] } } } },
            { from: { element: { type: ['lib', 'lab'] } }, allow: { to: { element: { type: 'lib' } } } },
            // The lab's worker side and page side meet only in types, the protocol
            // and shared modules (checks, world-file encoding, output capping).
            { from: { element: { type: 'lab' }, file: { categories: 'lab-worker' } }, allow: { to: { element: { type: 'lab' }, file: { categories: { noneOf: ['lab-page'] } } } } },
            { from: { element: { type: 'lab' }, file: { categories: 'lab-page' } }, allow: { to: { element: { type: 'lab' }, file: { categories: { noneOf: ['lab-worker'] } } } } },
            { from: { element: { type: 'lab' }, file: { categories: { noneOf: ['lab-worker', 'lab-page'] } } }, allow: { to: { element: { type: 'lab' }, file: { categories: { noneOf: ['lab-worker', 'lab-page'] } } } } },
            // The checks judge .dvc files and hashes with the shell's pure format helpers.
            { from: { element: { type: 'lab' }, file: { categories: { noneOf: ['lab-worker', 'lab-page'] } } }, allow: { to: { element: { type: 'lab' }, file: { categories: 'lab-format' } } } },
          ],
        },
      ],
    },
  },
);
