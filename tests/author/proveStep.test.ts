// The author view's Prove plan and judging (src/author/proveStep.ts), with the
// lab replaced by a function that judges by the files it is given.
import { describe, expect, it } from 'vitest';
import type { CodeFile, Step } from '../../src/content/model';
import type { CheckVerdict } from '../../src/lab/checks/checks';
import { planProof, proveStep } from '../../src/author/proveStep';

const file = (name: string, code: string): CodeFile => ({ file: name, language: 'python', code });
const step = {
  slug: 'train',
  checks: [
    { saysHtml: 'It runs <code>train</code>.', expect: { kind: 'no-error' } },
    { saysHtml: 'The loss falls.', expect: { kind: 'training-loss', atMost: 0.5 } },
  ],
  starter: [file('train.py', 'starter'), file('util.py', 'util')],
  solution: [file('train.py', 'solution'), file('util.py', 'util')],
  wrong: [
    { file: file('train.py', 'big-rate'), fails: 1, mistake: 'a learning rate so large the loss bounces', where: 'x.md:20' },
    { file: file('util.py', 'broken-util'), fails: 0, mistake: 'a broken helper', where: 'x.md:30' },
  ],
} as unknown as Step;

/** Verdicts as a lab would give them for each kind of code. */
const outcomes: Record<string, CheckVerdict[]> = {
  starter: [{ pass: true, detail: '' }, { pass: false, detail: 'No model was trained in this run.' }],
  solution: [{ pass: true, detail: '' }, { pass: true, detail: '' }],
  'big-rate': [{ pass: true, detail: '' }, { pass: false, detail: 'The final training loss is 3.2, above 0.5.' }],
  'broken-util': [{ pass: false, detail: 'It raised NameError' }, { pass: false, detail: 'No model was trained in this run.' }],
};
const fakeLab = (overrides: Record<string, CheckVerdict[]> = {}) => {
  const ran: string[][] = [];
  const run = async (files: CodeFile[]) => {
    ran.push(files.map((f) => `${f.file}:${f.code}`));
    const key = files.find((f) => f.code !== 'util')?.code ?? files[0]!.code;
    const changed = files.find((f) => f.code === 'broken-util') ? 'broken-util' : key;
    return { ...outcomes, ...overrides }[changed]!;
  };
  return { run, ran };
};

describe('planProof', () => {
  it('runs the starter, each wrong attempt in place of the solution’s file, then the solution', () => {
    expect(planProof(step).map((a) => [a.label, a.files.map((f) => `${f.file}:${f.code}`), a.fails])).toEqual([
      ['Starter', ['train.py:starter', 'util.py:util'], undefined],
      ['Wrong: a learning rate so large the loss bounces', ['train.py:big-rate', 'util.py:util'], 1],
      ['Wrong: a broken helper', ['train.py:solution', 'util.py:broken-util'], 0],
      ['Solution', ['train.py:solution', 'util.py:util'], undefined],
    ]);
  });
});

describe('proveStep', () => {
  it('proves a step whose attempts do what it says', async () => {
    const lab = fakeLab();
    const proofs = await proveStep(step, lab.run);
    expect(proofs.map((p) => `${p.ok ? '✓' : '✗'} ${p.attempt.label} — ${p.why}`)).toEqual([
      '✓ Starter — fails check 2 (The loss falls.)',
      '✓ Wrong: a learning rate so large the loss bounces — fails check 2 (The loss falls.): The final training loss is 3.2, above 0.5.',
      '✓ Wrong: a broken helper — fails check 1 (It runs train.): It raised NameError',
      '✓ Solution — passes every check',
    ]);
    expect(lab.ran).toHaveLength(4);
  });

  it('says which attempt does not do what the step says', async () => {
    const lab = fakeLab({
      starter: [{ pass: true, detail: '' }, { pass: true, detail: '' }],
      'big-rate': [{ pass: false, detail: 'It raised ValueError' }, { pass: true, detail: '' }],
      solution: [{ pass: true, detail: '' }, { pass: false, detail: 'The final training loss is 0.9, above 0.5.' }],
    });
    const reported: string[] = [];
    const proofs = await proveStep(step, lab.run, (p) => reported.push(p.attempt.label));
    expect(proofs.filter((p) => !p.ok).map((p) => `${p.attempt.label} — ${p.why}`)).toEqual([
      'Starter — passes every check: the learner would have nothing to do',
      'Wrong: a learning rate so large the loss bounces — passes check 2 (The loss falls.), which it should fail',
      'Solution — fails check 2 (The loss falls.): The final training loss is 0.9, above 0.5.',
    ]);
    expect(reported).toEqual(proofs.map((p) => p.attempt.label));
  });
});
