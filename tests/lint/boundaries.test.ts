// The rooms' one-way doors (README "Project layout") hold, no module imports
// itself round a cycle, and the framework-free rooms hold no React: the
// project's own ESLint config is run on small files placed, virtually, in each room.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const RULE = 'boundaries/dependencies';
const CYCLE = 'import-x/no-cycle';
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
];

// [room, file, code]: each must pass.
const allowed: [string, string, string][] = [
  ['app: anything', 'src/app/Probe.tsx', value('runShell', '../lab/worker/shellRuntime')],
  ['lesson: the lab’s page client', 'src/lesson/Probe.tsx', value('labFor', '../lab/page/engine')],
  ['lesson: the checks (shared)', 'src/lesson/Probe.tsx', value('judgeAll', '../lab/checks/checks')],
  ['lesson: preview views', 'src/lesson/Probe.tsx', value('PreviewFrame', '../preview/PreviewFrame')],
  ['lesson: a preview view, lazily', 'src/lesson/Probe.tsx', "export const load = () => import('../preview/tracking/TrackingUI');\n"],
  ['lesson: progress', 'src/lesson/Probe.tsx', value('useProgress', '../progress/store')],
  ['preview: lab types', 'src/preview/Probe.tsx', typeOnly('WorldFiles', '../lab/types')],
  ['preview (nested): the run outcome’s schema, as a value', 'src/preview/tracking/Probe.ts', value('outcomeSchemas', '../../lab/outcomeSchema')],
  ['preview (nested): lab types and its own room', 'src/preview/tracking/Probe.ts', typeOnly('TrackedRun', '../../lab/types') + value('sortRuns', './runsTable')],
  ['progress: content types', 'src/progress/Probe.ts', typeOnly('Course', '../content/model')],
  ['lab: content types', 'src/lab/Probe.ts', typeOnly('Check', '../content/schema')],
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
