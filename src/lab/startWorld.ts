// A lesson's lab start state: the files the learner's project starts with,
// which of them are in its one commit, and which of the lab's Python modules
// the lesson offers. The content pipeline makes it from content/<lesson>/lab/
// and lesson.md's `lab:` (scripts/lab-world.ts); the page loads it per lesson
// (virtual:lifecycle-worlds) and sends it to the worker at start and reset.

export interface StartWorld {
  /** Text files by their path in the project ("data/raw_data.csv", "README.md"). */
  files: Record<string, string>;
  /** The start commit's message. */
  commit: string;
  /** Globs of the start files in that commit; the others are present but untracked. */
  committed: string[];
  /** The lab's Python modules the lesson offers ("lab", "mlflow", …). */
  modules: string[];
  /** The lesson's helpers for its assert checks (content/<lesson>/checks.py), loaded by the judge only. */
  checks?: string;
}

/** What a project starts with when nothing else is known: a README, nothing committed but it. */
export const EMPTY_START: StartWorld = { files: { 'README.md': '# Project\n' }, commit: 'Initial project skeleton', committed: ['README.md'], modules: [] };
