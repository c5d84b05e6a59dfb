// The rooms' one-way doors (README "Project layout") hold, each room is entered
// through its face, no module imports itself round a cycle, and the
// framework-free rooms hold no React: the
// project's own ESLint config is run on small files placed, virtually, in each room.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const RULE = 'boundaries/dependencies';
const CYCLE = 'import-x/no-cycle';
// One rule holds both the framework-free rooms and the rooms' faces (eslint.config.js).
const NO_REACT = 'import-x/no-restricted-paths';
const NO_JSX = 'no-restricted-syntax';
let eslint: ESLint;

// Loading the config and its plugins is the slow part: done once, with room to spare on a busy machine.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText('export {};\n', { filePath: 'src/lib/Warm.ts' });
}, 120_000);

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.map((m) => m.ruleId) ?? [];
}

const value = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const used = ${name};\n`;
const typeOnly = (name: string, from: string) => `import type { ${name} } from '${from}';\nexport type Used = ${name};\n`;

// [room, file, code]: each must break the boundary rule.
const forbidden: [string, string, string][] = [
  ['lesson: the lab’s worker runtime', 'src/lesson/Probe.tsx', value('runLearnerCode', '../lab/worker/pythonRuntime')],
  ['lesson: the shell (worker side)', 'src/lesson/Probe.tsx', value('runScript', '../lab/shell/shell')],
  ['lesson: the app', 'src/lesson/Probe.tsx', value('App', '../app/App')],
  ['preview: progress', 'src/preview/Probe.tsx', value('useProgress', '../progress/store')],
  ['preview: a lab module that is not types', 'src/preview/Probe.tsx', value('fileText', '../lab/worldFiles')],
  ['preview (nested): the lab’s page client', 'src/preview/tracking/Probe.ts', typeOnly('LabEngine', '../../lab/page/engine')],
  ['preview: lab types as a value import', 'src/preview/Probe.tsx', value('WorldFiles', '../lab/types')],
  ['preview: the protocol’s parser (only the outcome’s schema is open to it)', 'src/preview/Probe.tsx', value('parseFromWorker', '../lab/protocolSchema')],
  ['lab shared module: the page’s step runtime', 'src/lab/Probe.ts', value('createStepRuntime', './page/stepRuntime')],
  ['progress: content’s loader (a value)', 'src/progress/Probe.ts', value('requestLesson', '../content/course')],
  ['progress: the lesson UI', 'src/progress/Probe.ts', value('Quiz', '../lesson/Quiz')],
  ['lab: content as a value', 'src/lab/Probe.ts', value('parseCourse', '../content/parse')],
  ['lab: progress', 'src/lab/Probe.ts', value('useProgress', '../progress/store')],
  ['lab worker side: the page side', 'src/lab/worker/worker.ts', value('labFor', '../page/engine')],
  ['lab shell (nested, worker side): the page side', 'src/lab/shell/Probe.ts', value('worldStoreFor', '../page/worldStore')],
  ['lab page side: the worker side', 'src/lab/page/engine.ts', value('runShell', '../worker/shellRuntime')],
  ['lab shared module: the worker runtime', 'src/lab/Probe.ts', value('runScript', './shell/shell')],
  ['lab checks (shared): the page side', 'src/lab/checks/Probe.ts', value('useLabSession', '../page/session')],
  ['lab checks (shared): the worker side', 'src/lab/checks/Probe.ts', value('runShell', '../worker/shellRuntime')],
  ['lab worker side (nested probe): the page side', 'src/lab/worker/Probe.ts', typeOnly('LabEngine', '../page/engine')],
  ['content: progress', 'src/content/Probe.ts', value('useProgress', '../progress/store')],
  ['content: the lab', 'src/content/Probe.ts', typeOnly('WorldFiles', '../lab/types')],
  ['lib: content', 'src/lib/Probe.ts', typeOnly('Course', '../content/model')],
  ['lesson: the worker runtime, lazily', 'src/lesson/Probe.tsx', "export const load = () => import('../lab/worker/worker');\n"],
  ['preview: progress, re-exported', 'src/preview/Probe.ts', "export { useProgress } from '../progress/store';\n"],
  ['preview: a value of the lab’s face besides the outcome’s schema', 'src/preview/Probe.tsx', "import { outcomeSchemas, fileText } from '../lab';\nexport const used = [outcomeSchemas, fileText];\n"],
  ['preview: the lab’s face for a value other than the outcome’s schema', 'src/preview/tracking/Probe.ts', value('fileText', '../../lab')],
];

// [room, file, code]: each must pass.
const allowed: [string, string, string][] = [
  ['app: any room, through its face', 'src/app/Probe.tsx', value('labFor', '../lab/page') + value('parseCourse', '../content/parse')],
  ['lesson: the lab’s page client', 'src/lesson/Probe.tsx', value('labFor', '../lab/page')],
  ['lesson: the lab’s shared modules', 'src/lesson/Probe.tsx', value('fileText', '../lab') + typeOnly('CheckVerdict', '../lab')],
  ['lesson: preview views', 'src/lesson/Probe.tsx', value('PreviewFrame', '../preview')],
  ['lesson: the preview, lazily', 'src/lesson/Probe.tsx', "export const load = () => import('../preview');\n"],
  ['lesson: progress', 'src/lesson/Probe.tsx', value('progressStore', '../progress')],
  ['preview: lab types', 'src/preview/Probe.tsx', typeOnly('WorldFiles', '../lab')],
  ['preview (nested): the run outcome’s schema, as a value', 'src/preview/tracking/Probe.ts', value('outcomeSchemas', '../../lab')],
  ['preview (nested): lab types and its own room', 'src/preview/tracking/Probe.ts', typeOnly('TrackedRun', '../../lab') + value('sortRuns', './runsTable')],
  ['progress: content types', 'src/progress/Probe.ts', typeOnly('Course', '../content')],
  ['lab: content types', 'src/lab/Probe.ts', typeOnly('Check', '../content')],
  ['lab worker side: shared modules', 'src/lab/worker/worker.ts', value('OutputCap', '../outputCap')],
  ['lab page side: shared modules and protocol types', 'src/lab/page/engine.ts', value('emptyOutcome', '../outcome') + typeOnly('FromWorker', '../protocol')],
  ['lab shared module: the shell’s pure format helpers', 'src/lab/Probe.ts', value('md5', './shell/md5')],
  ['lab shell (nested): its own folder', 'src/lab/shell/Probe.ts', value('normalize', './fs')],
  ['lab checks (shared): shared modules and the shell’s pure format helpers', 'src/lab/checks/Probe.ts', value('fileText', '../worldFiles') + value('readDvcFile', '../shell/dvcFormat')],
  ['lab page side: the checks (shared)', 'src/lab/page/Probe.ts', typeOnly('CheckVerdict', '../checks/checks')],
  ['lab worker side: the shell, its own side', 'src/lab/worker/Probe.ts', value('runScript', '../shell/shell')],
  ['content: its own room', 'src/content/Probe.ts', typeOnly('Course', './model')],
  ['lib: its own room', 'src/lib/Probe.ts', value('downloadText', './download')],
];

// [case, file, code, rule]: each must break that rule. A cycle needs a real
// partner: the probe poses as src/progress/xp.ts, which selectors.ts imports.
const broken: [string, string, string, string][] = [
  ['a cycle: xp.ts imports selectors.ts, which imports xp.ts', 'src/progress/xp.ts', value('isStepDone', './selectors'), CYCLE],
  ['a cycle through a lazy import()', 'src/progress/xp.ts', "export const load = () => import('./selectors');\n", CYCLE],
  ['content: react', 'src/content/Probe.ts', value('useState', 'react'), NO_REACT],
  ['content: react, as types only', 'src/content/Probe.ts', typeOnly('ReactNode', 'react'), NO_REACT],
  ['progress: react-dom', 'src/progress/Probe.ts', value('createRoot', 'react-dom/client'), NO_REACT],
  ['lab checks (nested): @testing-library', 'src/lab/checks/Probe.ts', value('render', '@testing-library/react'), NO_REACT],
  ['lab: react, lazily', 'src/lab/Probe.ts', "export const load = () => import('react');\n", NO_REACT],
  ['lab page side: a .tsx component', 'src/lab/page/Probe.ts', value('Quiz', '../../lesson/Quiz'), NO_REACT],
  ['progress: JSX of its own', 'src/progress/Probe.tsx', 'export const Badge = () => <b>XP</b>;\n', NO_JSX],
  ['progress: lib’s face for React', 'src/progress/Probe.ts', value('bindStore', '../lib/react'), NO_REACT],
  // zustand's root entry is a React hook: the framework-free rooms build vanilla stores.
  ['progress: zustand’s React `create`', 'src/progress/Probe.ts', value('create', 'zustand'), NO_REACT],
  ['lab page side: zustand’s React `useStore`', 'src/lab/page/Probe.ts', value('useStore', 'zustand'), NO_REACT],
  ['content: zustand’s React types', 'src/content/Probe.ts', typeOnly('UseBoundStore', 'zustand'), NO_REACT],
];

// [case, file, code]: each must pass every rule.
const sound: [string, string, string][] = [
  ['a type-only import back (erased at run time, no cycle)', 'src/progress/xp.ts', typeOnly('NodeStatus', './selectors')],
  ['lesson: react', 'src/lesson/Probe.tsx', value('useState', 'react') + 'export const Badge = () => <b>XP</b>;\n'],
  ['lib: react (shared hooks)', 'src/lib/Probe.ts', value('useState', 'react')],
  ['progress: zustand’s vanilla store', 'src/progress/Probe.ts', value('createStore', 'zustand/vanilla')],
  ['lab page side: zustand’s vanilla store and its types', 'src/lab/page/Probe.ts', value('createStore', 'zustand/vanilla') + typeOnly('StoreApi', 'zustand/vanilla')],
  ['lesson: zustand’s React hook', 'src/lesson/Probe.ts', value('useStore', 'zustand')],
];

// [case, file, code]: each imports a room's internals from another room, past its face.
const pastTheFace: [string, string, string][] = [
  ['lesson: progress’s store file', 'src/lesson/Probe.tsx', value('stepKey', '../progress/store')],
  ['lesson: content’s model, as types only', 'src/lesson/Probe.tsx', typeOnly('Lesson', '../content/model')],
  ['lesson: a preview view, lazily', 'src/lesson/Probe.tsx', "export const load = () => import('../preview/tracking/TrackingUI');\n"],
  ['lesson: the lab’s engine file (page side)', 'src/lesson/Probe.tsx', value('labFor', '../lab/page/engine')],
  ['lesson: a lab checks file', 'src/lesson/Probe.tsx', value('judgeAll', '../lab/checks/checks')],
  ['app: the lab’s worker internals', 'src/app/Probe.tsx', value('runShell', '../lab/worker/shellRuntime')],
  ['author: the lab’s page internals', 'src/author/Probe.ts', value('LabEngine', '../lab/page/engine')],
  ['progress: a lib file', 'src/progress/Probe.ts', value('textDigest', '../lib/textDigest')],
  ['lab (nested): content’s schema file, as types only', 'src/lab/checks/Probe.ts', typeOnly('Check', '../../content/schema')],
  ['preview (nested): the lab’s types file', 'src/preview/tracking/Probe.ts', typeOnly('TrackedRun', '../../lab/types')],
  ['app: progress, re-exported', 'src/app/Probe.ts', "export { stepKey } from '../progress/store';\n"],
];

// [case, file, code]: through the faces, each passes every rule.
const throughTheFace: [string, string, string][] = [
  ['lesson: each room it may use', 'src/lesson/Probe.tsx', value('stepKey', '../progress') + typeOnly('Lesson', '../content') + value('ConsoleView', '../preview') + value('createStepRuntime', '../lab/page') + value('storedValue', '../lib/react')],
  ['lab (nested, worker side): lib without React', 'src/lab/shell/Probe.ts', value('matchesGlob', '../../lib')],
  ['author: the parser’s door', 'src/author/Probe.ts', value('parseCourse', '../content/parse')],
  ['lesson: the lab reference’s data, lazily', 'src/lesson/Probe.tsx', "export const load = () => import('../lab/reference.json');\n"],
];

describe('each room entered through its face', () => {
  it.each(pastTheFace)('forbids %s', async (_name, filePath, code) => {
    const [result] = await eslint.lintText(code, { filePath });
    expect(result?.messages.filter((m) => m.ruleId === NO_REACT).map((m) => m.message)).toEqual([expect.stringMatching(/only through its face/)]);
  }, 60_000);

  it.each(throughTheFace)('allows %s', async (_name, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  }, 60_000);
});

describe('no cycles, no React in content, progress and lab', () => {
  it.each(broken)('forbids %s', async (_name, filePath, code, rule) => {
    expect(await ruleIds(filePath, code)).toContain(rule);
  }, 60_000);

  it.each(sound)('allows %s', async (_name, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  }, 60_000);
});

describe('room boundaries', () => {
  it.each(forbidden)('forbids %s', async (_name, filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain(RULE);
  }, 60_000);

  it.each(allowed)('allows %s', async (_name, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  }, 60_000);
});
