// The judge's interpreter (src/lab/python/lab_judge.py): the lab's modules and a copy of
// the project, and never a line of the learner's. Used by the judge's worker
// (judgeWorker.ts) and by the Node lab, so both judge with the same code.
import type { PyodideAPI } from 'pyodide';
import { HOME, LIB_DIR, writeFile, writeLabModules } from './labFiles';
import { decodeFile } from '../worldFiles';
import type { WorldFiles } from '../types';

/** The lab's modules on sys.path (no project folder, no ''), the judge imported, and the lesson's helpers for its checks (checks.py) loaded. */
export function prepareJudge(py: PyodideAPI, helpers: string | null = null) {
  writeLabModules(py);
  py.FS.mkdirTree(HOME);
  py.runPython(`
import importlib, os, sys
sys.path[:] = [p for p in sys.path if p not in ("", ${JSON.stringify(HOME)}, ${JSON.stringify(LIB_DIR)})] + [${JSON.stringify(LIB_DIR)}]
os.chdir(${JSON.stringify(HOME)})
importlib.invalidate_caches()
import lab_judge
`);
  if (helpers === null) return;
  const judge = py.pyimport('lab_judge');
  try {
    judge.helpers(helpers);
  } finally {
    judge.destroy();
  }
}

function exists(py: PyodideAPI, path: string): boolean {
  return (py.FS.analyzePath(path) as { exists: boolean }).exists;
}

/** Bring the judge's copy of the project up to date. */
export function applyChanges(py: PyodideAPI, changes: { files: WorldFiles; removed: string[] }) {
  for (const path of changes.removed) if (exists(py, `${HOME}/${path}`)) py.FS.unlink(`${HOME}/${path}`);
  for (const [path, value] of Object.entries(changes.files)) writeFile(py, `${HOME}/${path}`, decodeFile(value));
}

/**
 * A new judgement: the project as the run found it (`before`, what the copy lacked until
 * then), the tracking store read, then the run's own changes and its record.
 */
export function beginJudgement(py: PyodideAPI, before: { files: WorldFiles; removed: string[] }, run: { files: WorldFiles; removed: string[] }, record: string | null, failed: boolean) {
  const judge = py.pyimport('lab_judge');
  try {
    applyChanges(py, before);
    judge.store_before();
    applyChanges(py, run);
    judge.begin(record ?? '', failed);
  } finally {
    judge.destroy();
  }
}

/** One round: every verdict, or the next call a check needs (JSON, lab_judge.judge). */
export function judgeRound(py: PyodideAPI, asserts: string[], answers: Record<string, string>): string {
  const judge = py.pyimport('lab_judge');
  try {
    return judge.judge(JSON.stringify(asserts), JSON.stringify(answers)) as string;
  } finally {
    judge.destroy();
  }
}
