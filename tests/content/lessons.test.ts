// Content is code: every lesson in content/ must validate, and the ML
// lifecycle lesson must hold what the course promises.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/content/parse';
import { loadCourse } from '../../scripts/content-files';

const { course, errors, warnings } = loadCourse('content');

describe('content/', () => {
  it('every lesson validates, with no warnings', () => {
    expect(errors.map((e) => formatIssue(e))).toEqual([]);
    expect(warnings.map((w) => formatIssue(w))).toEqual([]);
    expect(course.lessons.length).toBeGreaterThan(0);
  });
});

describe('the ML Lifecycle lesson', () => {
  const lesson = course.lessons.find((l) => l.id === 'ml-lifecycle');
  if (!lesson) throw new Error('content/ml-lifecycle is missing');

  it('has its title, skill and instructor', () => {
    expect(lesson.title).toBe('The ML Lifecycle');
    expect(lesson.skill).toBe('artificialintelligence');
    expect(lesson.instructor.name).toBe('The Lifecycle Lab team');
    expect(lesson.callout.title).toMatch(/never finished/i);
  });

  it('every wrong quiz option says why it is wrong, without quoting the answer', () => {
    for (const q of lesson.quiz) {
      if (q.kind === 'single') {
        const wrong = q.options.filter((o) => o !== q.answer);
        expect(Object.keys(q.feedbackHtml).sort(), q.id).toEqual([...wrong].sort());
        for (const html of Object.values(q.feedbackHtml)) expect(html, q.id).not.toContain(q.answer);
      } else if (q.kind === 'multiple') {
        for (const o of q.options.filter((x) => !q.answers.includes(x))) expect(q.feedbackHtml[o], `${q.id}: ${o}`).toBeTruthy();
      } else {
        expect(q.feedbackHtml, q.id).toBeTruthy();
        expect(q.feedbackHtml, q.id).not.toContain(String(q.answer));
      }
    }
  });

  it('has a question of each kind', () => {
    expect(new Set(lesson.quiz.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'numeric']));
  });

  it('has the five steps, in loop order, with their runtimes and addresses', () => {
    expect(lesson.steps.map((s) => [s.slug, s.phase, s.runtime, s.preview.address])).toEqual([
      ['ingest-and-version', 'ingestion', 'shell', 'localhost:3000/ingest-and-version'],
      ['the-training-loop', 'training', 'python', 'localhost:3000/the-training-loop'],
      ['track-experiments', 'tracking', 'python', 'localhost:5000'],
      ['serving-at-scale', 'deployment', 'python', 'localhost:8000'],
      ['the-feedback-loop', 'monitoring', 'python', 'localhost:3000/the-feedback-loop'],
    ]);
    for (const step of lesson.steps) {
      expect(step.starter.length, step.slug).toBeGreaterThan(0);
      expect(step.solution.map((f) => f.file), step.slug).toEqual(step.starter.map((f) => f.file));
      expect(step.solution.map((f) => f.code), step.slug).not.toEqual(step.starter.map((f) => f.code));
      expect(step.starter[0]?.language, step.slug).toBe(step.runtime);
      expect(step.checks.length, step.slug).toBeGreaterThan(0);
    }
  });

  it('versions the data exactly as the issue asks', () => {
    const solution = lesson.steps[0]?.solution[0]?.code ?? '';
    expect(solution).toContain('dvc init');
    expect(solution).toContain('dvc add data/raw_data.csv');
    expect(solution).toContain('git commit -m "Version 1.0 dataset"');
  });

  it('serves with FastAPI and ships a Dockerfile', () => {
    const serving = lesson.steps[3];
    expect(serving?.solution.map((f) => [f.file, f.language])).toEqual([
      ['app.py', 'python'],
      ['Dockerfile', 'dockerfile'],
      ['requirements.txt', 'text'],
    ]);
    expect(serving?.solution[0]?.code).toContain('@app.post("/predict")');
  });

  it('has a quiz of at least six questions, including the MLflow one', () => {
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(6);
    const tracking = lesson.quiz.find((q) => q.prompt === 'Which tool is commonly used to track ML experiments and metrics?');
    expect(tracking).toMatchObject({ kind: 'single', answer: 'MLflow' });
  });

  it('has the required glossary terms, each with a code preview and caption', () => {
    const terms = lesson.glossary.map((t) => t.term);
    for (const t of ['Experiment Tracking', 'DVC', 'Inference', 'Model Artifact', 'Versioning', 'Data Drift', 'Model Registry', 'Continuous Training']) {
      expect(terms).toContain(t);
    }
    for (const t of lesson.glossary) {
      expect(t.code.caption.length, t.term).toBeGreaterThan(0);
      expect(t.code.html, t.term).toContain('<pre tabindex="0"><code class="hljs language-');
    }
  });

  it('has at least five FAQ entries and the required skill nodes', () => {
    expect(lesson.faq.length).toBeGreaterThanOrEqual(5);
    expect(lesson.skills.map((n) => n.id)).toEqual(
      expect.arrayContaining(['data-versioning', 'experiment-tracking', 'model-serving', 'monitoring', 'continuous-training']),
    );
  });
});

// Each case starts a Node process that compiles the parser: seconds on a busy
// machine, so no tight clock (vitest's default 5 s failed there).
describe('npm run content:check', { timeout: 180_000 }, () => {
  const run = (dir: string, ...flags: string[]) => {
    try {
      // The script `npm run content:check` runs, without npx's lookup on top.
      return { code: 0, out: execFileSync('node_modules/.bin/tsx', ['scripts/content-check.ts', dir, ...flags], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stderr: string; stdout: string };
      return { code: err.status, out: err.stdout + err.stderr };
    }
  };

  it('passes on the real content', () => {
    const { code, out } = run('content');
    expect(code).toBe(0);
    const steps = course.lessons.reduce((n, l) => n + l.steps.length, 0);
    expect(out).toContain(`content ok: ${course.lessons.length} lesson(s), ${steps} step(s)`);
  }, 60_000); // a child process (npx tsx): seconds on a busy 2-core machine

  it('fails with file:line errors on the broken fixture', () => {
    const { code, out } = run('tests/fixtures/broken-content');
    expect(code).toBe(1);
    expect(out).toContain('error: tests/fixtures/broken-content/broken-lesson/quiz.md:6:13 — questions[0].answer: "C" is not one of the options ("A", "B")');
    expect(out).toContain('error: tests/fixtures/broken-content/broken-lesson/lesson.md:12:8 — next[0]: no lesson has the id "no-such-lesson"');
    expect(out).toContain('error: tests/fixtures/broken-content/broken-lesson/steps/01-only-step.md:14:1 — needs a solution code block');
    expect(out).toContain('warning: tests/fixtures/broken-content/broken-lesson/lesson.md:16:17 — raw HTML is not allowed');
    expect(out).toContain('error: tests/fixtures/broken-content/broken-lesson/lesson.md:18:1 — image "https://example.org/diagram.png" is not local');
    expect(out).toContain('error: tests/fixtures/broken-content/broken-lesson/steps/01-only-step.md:15:19 — the starter block\'s file name "../escape.py" is not allowed');
    expect(out).toContain('7 problems in tests/fixtures/broken-content/');
  }, 180_000);

  // --run loads Pyodide in a child process: a minute or more on a busy machine.
  it('--run proves a small lesson: one ✓ line per starter and solution, with its file:line', () => {
    const { code, out } = run('tests/fixtures/content', '--run');
    expect(code, out).toBe(0);
    const at = 'tests/fixtures/content/hello-lab/steps';
    expect(out).toContain(`✓ ${at}/01-first-step.md:19 first-step: starter fails check 1 “The file exists.”: There is no file hello.txt.`);
    expect(out).toContain(`✓ ${at}/01-first-step.md:23 first-step: solution passes all 1 check(s)`);
    expect(out).toContain(`✓ ${at}/02-second-step.md:21 second-step: solution passes all 1 check(s)`);
    expect(out).toContain(`✓ ${at}/02-second-step.md:21 second-step: the solution run a second time passes all 1 check(s)`);
    expect(out).not.toContain('✗');
    expect(out).toContain('lessons proved: 1 lesson(s), 6 run(s) in the lab');
  }, 300_000);

  it('--run --lesson ID --step SLUG proves one step, after the earlier steps\' solutions', () => {
    const { code, out } = run('tests/fixtures/content', '--run', '--lesson', 'hello-lab', '--step', 'second-step');
    expect(code, out).toBe(0);
    expect(out).toContain("(running first-step's solution to build the project)");
    expect(out).not.toContain('first-step: starter');
    expect(out).toContain('lessons proved: 1 lesson(s), 3 run(s) in the lab');
    const unknown = run('tests/fixtures/content', '--run', '--lesson', 'hello-lab', '--step', 'no-such-step');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('lesson hello-lab has no step "no-such-step" (steps: first-step, second-step)');
  }, 300_000);

  it('without --run, still finds the checks no solution can pass, by reading the lesson', () => {
    const { code, out } = run('tests/fixtures/unproven-content');
    expect(code).toBe(1);
    const at = 'tests/fixtures/unproven-content/unproven-lab/steps';
    expect(out).toContain(`error: ${at}/02-solution-fails.md:13 (step solution-fails): check 2 “The report is committed.” is a git-committed check, which only shell commands can pass`);
    expect(out).toContain('2 checks no solution can pass');
  });

  it('--run fails, naming the lesson, step file, attempt and check, on a lesson its own solutions do not prove', () => {
    const { code, out } = run('tests/fixtures/unproven-content', '--run');
    expect(code).toBe(1);
    const at = 'tests/fixtures/unproven-content/unproven-lab/steps';
    // Found by reading the lesson: a Python step cannot pass a git check, and nothing makes model.pkl.
    expect(out).toContain(`lesson unproven-lab, ${at}/02-solution-fails.md:13 (step solution-fails): check 2 “The report is committed.” is a git-committed check, which only shell commands can pass`);
    expect(out).toContain(`lesson unproven-lab, ${at}/02-solution-fails.md:15 (step solution-fails): check 3 “The model file exists.” needs the file model.pkl`);
    // Found by running it.
    expect(out).toContain(`✗ ${at}/01-starter-passes.md:18 starter-passes: starter passes every check`);
    expect(out).toContain(`lesson unproven-lab, ${at}/01-starter-passes.md:26 (step starter-passes), wrong attempt “writing the notes anyway”: passes check 1 “The file notes.txt exists.”: it must fail it`);
    expect(out).toContain(`✓ ${at}/01-starter-passes.md:22 starter-passes: solution passes all 1 check(s)`);
    expect(out).toContain(`lesson unproven-lab, ${at}/02-solution-fails.md:25 (step solution-fails), solution: fails check 1 “It prints hello.” (${at}/02-solution-fails.md:11): The output does not contain “hello”.`);
    expect(out).toContain(`lesson unproven-lab, ${at}/02-solution-fails.md:25 (step solution-fails), the solution run a second time: fails check 1`);
    expect(out).toContain('6 lesson proof failures:');
  }, 300_000);
});

describe('content/README.md', () => {
  it('its minimal lesson is valid as written', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseCourse } = await import('../../src/content/parse');
    const readme = readFileSync('content/README.md', 'utf8');
    const block = (file: string) => {
      const start = readme.indexOf(`\`content/hello/${file}\`:`);
      const open = readme.indexOf('\n', readme.indexOf('```', start)) + 1;
      const fence = readme.slice(readme.indexOf('```', start), open - 1).replace(/\w+$/, '');
      return readme.slice(open, readme.indexOf(`\n${fence}\n`, open) + 1);
    };
    const result = parseCourse([
      { path: 'hello/lesson.md', text: block('lesson.md') },
      { path: 'hello/steps/01-say-hello.md', text: block('steps/01-say-hello.md') },
    ]);
    expect(result.errors.map((e) => formatIssue(e))).toEqual([]);
    expect(result.course.lessons[0]?.steps[0]?.solution[0]?.code).toBe('print("hello")\n');
  });
});
