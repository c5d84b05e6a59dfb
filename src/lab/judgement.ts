// How a step's assert checks are judged (src/lab/python/lab_judge.py): in an interpreter
// of their own, which the learner's program never touches, fed the run's record and the
// project's files. What the checks ask of the program itself (run it again, call one of
// its functions, send its app a request) goes back to the lab where it ran, one call at a
// time. Shared by the page (lab/page/judge.ts, with workers) and the Node lab
// (scripts/node-lab.ts, with two interpreters in one process).
import type { WorldFiles } from './types';

export type Verdicts = Record<string, string | null>;

/** A call the judge needs answered: `ask` goes to the lab as it is (JSON, read by lab_runner.probe). */
export interface JudgeNeed {
  key: string;
  ask: string;
}

/** One round's answer from the judge (lab_judge.judge). */
export type JudgeRound = { verdicts: Verdicts } | { need: JudgeNeed };

/** The most calls one judgement may make of the program (a check looping over requests stops here). */
export const MAX_JUDGE_CALLS = 400;

/** A request of the driver: ask the judge again with the answers so far, or ask the lab one call. */
export type JudgeAsk = { to: 'judge'; answers: Record<string, string> } | { to: 'lab'; ask: string };

/**
 * The rounds of one judgement, whoever drives them: yields what to ask next and is given the
 * answer (the judge's round as JSON, or the lab's answer to a call, as the JSON it sent).
 */
export function* judgeRounds(asserts: string[]): Generator<JudgeAsk, Verdicts, string> {
  const answers: Record<string, string> = {};
  for (let calls = 0; ; calls++) {
    const round = parseRound(yield { to: 'judge', answers });
    if ('verdicts' in round) return round.verdicts;
    if (calls >= MAX_JUDGE_CALLS) return Object.fromEntries(asserts.map((code) => [code, `This could not be judged: the checks asked the program more than ${MAX_JUDGE_CALLS} times.`]));
    answers[round.need.key] = yield { to: 'lab', ask: round.need.ask };
  }
}

function parseRound(text: string): JudgeRound {
  const round = JSON.parse(text) as JudgeRound;
  if (!round || typeof round !== 'object' || !('verdicts' in round || 'need' in round)) throw new Error('the judge gave no verdicts');
  return round;
}

/** Drive the rounds with answers that come at once (the Node lab). */
export function judgeNow(asserts: string[], judge: (answers: Record<string, string>) => string, lab: (ask: string) => string): Verdicts {
  const rounds = judgeRounds(asserts);
  let step = rounds.next();
  while (!step.done) step = rounds.next(step.value.to === 'judge' ? judge(step.value.answers) : lab(step.value.ask));
  return step.value;
}

/** Drive the rounds with answers that come later (the page, with the judge and the lab in workers). */
export async function judgeLater(asserts: string[], judge: (answers: Record<string, string>) => Promise<string>, lab: (ask: string) => Promise<string>): Promise<Verdicts> {
  const rounds = judgeRounds(asserts);
  let step = rounds.next();
  while (!step.done) step = rounds.next(step.value.to === 'judge' ? await judge(step.value.answers) : await lab(step.value.ask));
  return step.value;
}

/** What the judge's copy of the project lacks: the changes of every run since it was last brought up to date. */
export class JudgeLag {
  private files: WorldFiles = {};
  private removed = new Set<string>();

  add(changes: { files: WorldFiles; removed: string[] }) {
    for (const [path, value] of Object.entries(changes.files)) {
      this.files[path] = value;
      this.removed.delete(path);
    }
    for (const path of changes.removed) {
      delete this.files[path];
      this.removed.add(path);
    }
  }

  take(): { files: WorldFiles; removed: string[] } {
    const taken = { files: this.files, removed: [...this.removed] };
    this.files = {};
    this.removed = new Set();
    return taken;
  }
}
