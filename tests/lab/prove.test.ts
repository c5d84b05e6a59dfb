// The lesson proof's reading of a lesson (src/lab/checks/prove.ts): its plan, the
// checks no solution can satisfy, found without running anything, and its judging
// of runs from a stand-in lab (the author view's Prove judges the same way). Running
// it in Pyodide is proved in lesson-proof.test.ts and the content:check --run tests.
import { describe, expect, it } from 'vitest';
import type { CodeFile, Step } from '../../src/content/model';
import { parseCourse } from '../../src/content/parse';
import { emptyOutcome } from '../../src/lab/outcome';
import type { WorldFiles } from '../../src/lab/types';
import { formatVerdict, planStep, proveStep, unsatisfiableChecks, type ProvingLab } from '../../src/lab/checks/prove';
import { loadCourse } from '../../scripts/content-files';

const START = ['README.md', '.gitignore', 'data/raw_data.csv'];

const lessonWith = (step: string) => {
  const { course, errors } = parseCourse([
    {
      path: 'x/lesson.md',
      text: '---\nid: x\ntitle: X\nsummary: S.\nskill: testing\ninstructor: { name: A, role: B }\ncallout: { title: T, text: C. }\nphases: [{ id: ingestion, label: Ingestion }, { id: training, label: Training }]\n---\n\nIntro.\n',
    },
    { path: 'x/steps/01-only.md', text: step },
  ]);
  expect(errors).toEqual([]);
  return course.lessons[0]!;
};

const step = (runtime: 'shell' | 'python', checks: string, starter: string, solution: string) => {
  const lang = runtime === 'shell' ? 'sh' : 'python';
  return `---\ntitle: Only\nphase: training\nsummary: S.\npreview: { address: "localhost:3000", service: training-report }\nruntime: ${runtime}\nxp: 10\nchecks:\n${checks}---\n\nDo it.\n\n\`\`\`${lang} starter\n${starter}\n\`\`\`\n\n\`\`\`${lang} solution\n${solution}\n\`\`\`\n`;
};

describe('unsatisfiableChecks', () => {
  it('finds a file check on a path nothing creates, at the check\'s line', () => {
    const lesson = lessonWith(step('python', '  - says: The model is saved.\n    expect: { kind: file-exists, path: model.pkl }\n', 'pass', 'print("trained")'));
    expect(unsatisfiableChecks(lesson, START)).toEqual([
      {
        where: 'content/x/steps/01-only.md:9',
        step: 'only',
        message: 'check 1 “The model is saved.” needs the file model.pkl, but the start project has no such file and no solution up to this step writes or names it',
      },
    ]);
  });

  it('accepts a file in the start project, or one a solution names', () => {
    const checks = '  - says: Tracked.\n    expect: { kind: dvc-tracked, path: data/raw_data.csv }\n  - says: Saved.\n    expect: { kind: file-exists, path: out/model.pkl }\n';
    const lesson = lessonWith(step('shell', checks, '# nothing yet', 'dvc add data/raw_data.csv\nmkdir out && echo m > out/model.pkl'));
    expect(unsatisfiableChecks(lesson, START)).toEqual([]);
  });

  it('finds a check of a kind the step\'s runtime never records', () => {
    const shell = lessonWith(step('shell', '  - says: A variable.\n    expect: { kind: variable, name: x }\n', '# x', 'echo x'));
    expect(unsatisfiableChecks(shell, START).map((i) => i.message)).toEqual([
      'check 1 “A variable.” is a variable check, which only a Python run can pass, but this step runs shell commands',
    ]);
    const python = lessonWith(step('python', '  - says: Committed.\n    expect: { kind: git-not-committed, path: data/raw_data.csv }\n', 'pass', 'x = 1'));
    expect(unsatisfiableChecks(python, START).map((i) => i.message)).toEqual([
      'check 1 “Committed.” is a git-not-committed check, which only shell commands can pass, but this step runs Python',
    ]);
  });

  it('finds nothing in the course\'s lessons', () => {
    for (const lesson of loadCourse('content').course.lessons) expect(unsatisfiableChecks(lesson, START), lesson.id).toEqual([]);
  });
});

describe('planStep', () => {
  it('runs the starter, each wrong attempt on the solution\'s other files and the solution right after it (put back after both), each valid alternative (put back), then the solution twice', () => {
    const lesson = loadCourse('content').course.lessons.find((l) => l.steps.some((s) => s.solution.length > 1 && s.wrong.length > 0));
    const multi = lesson?.steps.find((s) => s.solution.length > 1 && s.wrong.length > 0);
    if (!multi) throw new Error('no step with several files and wrong attempts in content/');
    const plan = planStep(multi);
    expect(plan.map((t) => [t.kind, Boolean(t.save), t.restore])).toEqual([
      ['starter', false, false],
      ...multi.wrong.flatMap(() => [
        ['wrong', true, false],
        ['recovery', false, true],
      ]),
      ...multi.valid.map(() => ['valid', true, true]),
      ['solution', false, false],
      ['again', false, false],
    ]);
    const wrong = multi.wrong[0]!;
    const trial = plan[1]!;
    expect(trial.where).toBe(wrong.where);
    expect(trial.files.map((f) => f.file)).toEqual(multi.solution.map((f) => f.file));
    expect(trial.files.find((f) => f.file === wrong.file.file)?.code).toBe(wrong.file.code);
    expect(plan[0]!.where).toMatch(new RegExp(`^${multi.source}:\\d+$`));
  });
});

describe('proveStep', () => {
  const file = (name: string, code: string): CodeFile => ({ file: name, language: 'python', code });
  const step = (starter: string, solution: string, wrong: string, wrongFile = 'util.py') =>
    ({
      slug: 'write',
      source: 'x/steps/01-write.md',
      checks: [
        { saysHtml: 'It runs <code>main.py</code>.', expect: { kind: 'no-error' } },
        { saysHtml: 'It writes out.txt.', expect: { kind: 'file-exists', path: 'out.txt' } },
      ],
      starter: [file('main.py', starter), file('util.py', 'helper')],
      solution: [file('main.py', solution), file('util.py', 'helper')],
      wrong: [{ file: file(wrongFile, wrong), fails: 0, mistake: 'a broken helper', where: 'x/steps/01-write.md:30' }],
      valid: [],
    }) as unknown as Step;

  /** A lab whose "programs" are lines: `write <path>` makes a file, `raise` fails the run. */
  const fakeLab = () => {
    let world: WorldFiles = {};
    const log: string[] = [];
    const lab: ProvingLab = {
      async run(_step, files) {
        log.push(`run ${files.map((f) => f.code).join(' + ')}`);
        const lines = files.flatMap((f) => f.code.split('\n'));
        for (const line of lines) if (line.startsWith('write ')) world = { ...world, [line.slice(6)]: 'x' };
        const error = lines.includes('raise') ? { type: 'NameError', message: "name 'helpr' is not defined", line: 1, traceback: '' } : null;
        return { result: { outcome: emptyOutcome({ error }), output: [], truncatedLines: 0, durationMs: 0 }, files: world };
      },
      snapshot: () => {
        log.push('snapshot');
        return world;
      },
      restore: (saved) => {
        log.push('restore');
        world = saved;
      },
    };
    return { lab, log };
  };

  it('proves a step whose attempts do what it says, putting the project back after a wrong attempt', async () => {
    const { lab, log } = fakeLab();
    const verdicts = await proveStep(step('pass', 'write out.txt', 'write out.txt\nraise'), lab);
    expect(verdicts.map(formatVerdict)).toEqual([
      '✓ x/steps/01-write.md write: starter fails check 2 “It writes out.txt.”: There is no file out.txt.',
      "✓ x/steps/01-write.md:30 write: wrong attempt “a broken helper” fails check 1 “It runs main.py.”: It raised NameError: name 'helpr' is not defined",
      '✓ x/steps/01-write.md:30 write: the solution right after “a broken helper” (no reset) passes all 2 check(s)',
      '✓ x/steps/01-write.md write: solution passes all 2 check(s)',
      '✓ x/steps/01-write.md write: the solution run a second time passes all 2 check(s)',
    ]);
    expect(log).toEqual([
      'run pass + helper',
      'snapshot',
      'run write out.txt + write out.txt\nraise',
      'run write out.txt + helper',
      'restore',
      'run write out.txt + helper',
      'run write out.txt + helper',
    ]);
  });

  it('says which attempt does not do what the step says', async () => {
    const { lab } = fakeLab();
    const reported: string[] = [];
    const verdicts = await proveStep(step('write out.txt', 'raise', 'print', 'main.py'), lab, (v) => reported.push(v.trial.kind));
    expect(verdicts.map((v) => [v.trial.kind, v.ok, v.problem])).toEqual([
      ['starter', false, 'passes every check: it must fail at least one, or the learner has nothing to do'],
      ['wrong', false, 'passes check 1 “It runs main.py.”: it must fail it'],
      ['recovery', false, "fails check 1 “It runs main.py.”: It raised NameError: name 'helpr' is not defined; raises NameError: name 'helpr' is not defined"],
      ['solution', false, "fails check 1 “It runs main.py.”: It raised NameError: name 'helpr' is not defined; raises NameError: name 'helpr' is not defined"],
      ['again', false, "fails check 1 “It runs main.py.”: It raised NameError: name 'helpr' is not defined; raises NameError: name 'helpr' is not defined"],
    ]);
    expect(reported).toEqual(['starter', 'wrong', 'recovery', 'solution', 'again']);
  });

  it('a wrong attempt that crashes proves only a no-error check; a valid alternative must pass every check', async () => {
    const { lab } = fakeLab();
    const crashing = {
      ...step('pass', 'write out.txt', 'raise'),
      wrong: [{ file: file('util.py', 'raise'), fails: 1, mistake: 'a typo that crashes', where: 'x/steps/01-write.md:30' }],
      valid: [
        { file: file('main.py', 'write out.txt\n# another way'), note: 'another way', where: 'x/steps/01-write.md:40' },
        { file: file('main.py', 'pass'), note: 'forgets the file', where: 'x/steps/01-write.md:50' },
      ],
    } as Step;
    const verdicts = await proveStep(crashing, lab);
    expect(verdicts.map((v) => [v.trial.kind, v.ok, v.problem])).toEqual([
      ['starter', true, ''],
      ['wrong', false, "raises NameError: name 'helpr' is not defined, so it never reaches check 2 “It writes out.txt.”: a crash proves only a no-error check — make the attempt run and make its mistake"],
      ['recovery', true, ''],
      ['valid', true, ''],
      ['valid', false, 'fails check 2 “It writes out.txt.”: There is no file out.txt.'],
      ['solution', true, ''],
      ['again', true, ''],
    ]);
  });
});
