import { describe, expect, it } from 'vitest';
import { formatIssue, parseCourse, type ContentFile } from '../../src/content/parse';
import { readContentFiles } from '../../scripts/content-files';

const FIXTURE = 'tests/fixtures/content';
const base = readContentFiles(FIXTURE);

/** The fixture lesson with one file's text changed. */
function withFile(path: string, change: (text: string) => string): ContentFile[] {
  const found = base.find((f) => f.path === path);
  if (!found) throw new Error(`fixture has no ${path}`);
  return base.map((f) => (f.path === path ? { ...f, text: change(f.text) } : f));
}

function errorsOf(files: ContentFile[]) {
  return parseCourse(files).errors.map((e) => formatIssue(e));
}

describe('parseCourse on the fixture lesson', () => {
  const { course, errors, warnings } = parseCourse(base);
  const lesson = course.lessons[0];

  it('parses without problems', () => {
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(course.lessons.map((l) => l.id)).toEqual(['hello-lab']);
  });

  it('orders steps by file number and derives slugs from file names', () => {
    expect(lesson?.steps.map((s) => [s.order, s.slug])).toEqual([
      [1, 'first-step'],
      [2, 'second-step'],
    ]);
  });

  it('pulls starter and solution blocks out of the prose', () => {
    const step = lesson?.steps[1];
    expect(step?.starter).toEqual([{ file: 'hello.py', language: 'python', code: 'print("...")\n' }]);
    expect(step?.solution).toEqual([{ file: 'hello.py', language: 'python', code: 'print("hello")\n' }]);
    expect(step?.html).toContain('Print something.');
    expect(step?.html).not.toContain('print("hello")');
    expect(lesson?.steps[0]?.starter[0]?.file).toBe('commands.sh');
  });

  it('renders markdown fields and highlights code at build time', () => {
    expect(lesson?.callout.html).toBe('<p>Just enough to exercise <strong>every</strong> part of the format.</p>');
    expect(lesson?.quiz[0]?.explanationHtml).toBe('<p>Two is <strong>2</strong>.</p>');
    expect(lesson?.glossary[0]?.code.html).toContain('class="hljs-built_in"');
    expect(lesson?.glossary[0]?.code.html).toContain('class="hljs-string"');
  });

  it('applies schema defaults', () => {
    expect(lesson?.glossary[0]?.xp).toBe(5);
    expect(lesson?.skills[0]?.requires).toEqual([]);
    expect(lesson?.steps[1]?.hintsHtml).toEqual([]);
  });
});

describe('content errors name the file, the line and the field', () => {
  it('a file without frontmatter', () => {
    expect(errorsOf(withFile('hello-lab/faq.md', (t) => t.replace(/^---\n/, '')))).toContain(
      'content/hello-lab/faq.md:1:1 — expected YAML frontmatter: the file must start with a line "---", the fields, then another "---"',
    );
  });

  it('invalid YAML, with advice', () => {
    const errors = errorsOf(withFile('hello-lab/quiz.md', (t) => t.replace('prompt: Which number is two?', 'prompt: Which: number: two?')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/hello-lab\/quiz\.md:4:\d+ — invalid YAML: .*put it in quotes$/);
  });

  it('a line indented too deep is named, with an indentation message (not advice to quote the line above)', () => {
    expect(errorsOf(withFile('hello-lab/steps/02-second-step.md', (t) => t.replace('\nphase: training', '\n  phase: training')))).toEqual([
      'content/hello-lab/steps/02-second-step.md:3:3 — invalid YAML: bad indentation — this line starts at column 3, deeper than "title" on the line above (column 1), so it is read as more of that field\'s value; start it at column 1 like the fields beside it (a value that goes on over several lines must be quoted)',
    ]);
    const nested = errorsOf(withFile('hello-lab/lesson.md', (t) => t.replace('  role: Writes fixtures', '    role: Writes fixtures')));
    expect(nested).toHaveLength(1);
    expect(nested[0]).toMatch(/^content\/hello-lab\/lesson\.md:8:5 — invalid YAML: bad indentation — .*deeper than "name" on the line above \(column 3\)/);
    expect(nested[0]).not.toContain('quotes');
  });

  it('a line indented less than the items beside it is named, with an indentation message', () => {
    const errors = errorsOf(withFile('hello-lab/lesson.md', (t) => t.replace('  role: Writes fixtures', ' role: Writes fixtures')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/hello-lab\/lesson\.md:8:\d+ — invalid YAML: .*bad indentation/);
  });

  it('a missing required field points at its parent entry', () => {
    expect(errorsOf(withFile('hello-lab/quiz.md', (t) => t.replace('    explanation: Two is **2**.\n', '')))).toEqual([
      'content/hello-lab/quiz.md:3:5 — questions[0].explanation: is required (expected string)',
    ]);
  });

  it('a value of the wrong type', () => {
    expect(errorsOf(withFile('hello-lab/steps/02-second-step.md', (t) => t.replace('xp: 20', 'xp: lots')))).toEqual([
      'content/hello-lab/steps/02-second-step.md:9:5 — xp: expected number, got "lots"',
    ]);
  });

  it('a value outside an enum lists the allowed ones', () => {
    expect(errorsOf(withFile('hello-lab/steps/01-first-step.md', (t) => t.replace('phase: ingestion', 'phase: cooking')))).toEqual([
      'content/hello-lab/steps/01-first-step.md:3:8 — phase: "cooking" is not one of the lesson\'s phases (ingestion, training; lesson.md `phases:`)',
    ]);
  });

  it('an unknown field points at the key', () => {
    expect(errorsOf(withFile('hello-lab/lesson.md', (t) => t.replace('skill: testing', 'skill: testing\ncolour: blue')))).toEqual([
      'content/hello-lab/lesson.md:6:1 — colour: unknown field "colour" — check its spelling (see content/README.md)',
    ]);
  });

  it('an unknown check kind', () => {
    expect(
      errorsOf(withFile('hello-lab/steps/01-first-step.md', (t) => t.replace('{ kind: file-exists, path: hello.txt }', '{ kind: vibes }'))),
    ).toEqual([
      'content/hello-lab/steps/01-first-step.md:12:21 — checks[0].expect.kind: unknown check kind "vibes" (expected one of: output-contains, prints-value, no-error, file-exists, file-matches, dvc-tracked, git-committed, git-not-committed, variable, mlflow-param, mlflow-metric, mlflow-model, http, container, dockerfile, retrained, assert)',
    ]);
  });

  it('a quiz answer that is not an option', () => {
    expect(errorsOf(withFile('hello-lab/quiz.md', (t) => t.replace('answer: "2"', 'answer: "4"')))).toEqual([
      'content/hello-lab/quiz.md:6:13 — questions[0].answer: "4" is not one of the options ("1", "2", "3")',
    ]);
  });

  describe('quiz feedback per wrong option', () => {
    const withFeedback = (lines: string) => withFile('hello-lab/quiz.md', (t) => t.replace('    xp: 10\n', `    xp: 10\n    feedback:\n${lines}`));
    it('is rendered as markdown, by option', () => {
      const { course, errors } = parseCourse(withFeedback('      "1": One is **1**.\n      "3": Three is one too many.\n'));
      expect(errors).toEqual([]);
      expect(course.lessons[0]?.quiz[0]?.feedbackHtml).toEqual({ '1': '<p>One is <strong>1</strong>.</p>', '3': '<p>Three is one too many.</p>' });
    });
    it('is optional: without it a question has none', () => {
      expect(parseCourse(base).course.lessons[0]?.quiz[0]?.feedbackHtml).toEqual({});
    });
    it('names options only, never the answer, and covers every wrong option', () => {
      expect(errorsOf(withFeedback('      "2": It is.\n      "4": Not there.\n'))).toEqual([
        'content/hello-lab/quiz.md:10:12 — questions[0].feedback.2: "2" is the answer: it has the explanation, not feedback',
        'content/hello-lab/quiz.md:11:12 — questions[0].feedback.4: "4" is not one of the options ("1", "2", "3")',
        'content/hello-lab/quiz.md:10:7 — questions[0].feedback: no feedback for the wrong options "1", "3"',
      ]);
    });
  });

  describe('quiz kinds', () => {
    /** The fixture quiz with one more question (its first line is line 9). */
    const withQuestion = (yaml: string) => withFile('hello-lab/quiz.md', (t) => t.replace('    xp: 10\n', `    xp: 10\n${yaml}`));
    const MULTI = '  - id: evens\n    prompt: Which are even?\n    options: ["1", "2", "4"]\n    answers: ["2", "4"]\n    explanation: Even numbers.\n';
    const NUMERIC = '  - id: half\n    prompt: What is one half?\n    answer: 0.5\n    tolerance: 0.01\n    unit: "%"\n    explanation: A half.\n    feedback: Think of dividing by two.\n';

    it('a multiple-answer question: `answers` makes it one; answers keep the options\' order', () => {
      const { course, errors } = parseCourse(withQuestion(MULTI.replace('answers: ["2", "4"]', 'answers: ["4", "2"]')));
      expect(errors).toEqual([]);
      expect(course.lessons[0]?.quiz[1]).toMatchObject({ kind: 'multiple', options: ['1', '2', '4'], answers: ['2', '4'], feedbackHtml: {} });
      expect(course.lessons[0]?.quiz[0]).toMatchObject({ kind: 'single', answer: '2' }); // unchanged
    });
    it('a numeric question: a number `answer` without options makes one', () => {
      const { course, errors } = parseCourse(withQuestion(NUMERIC));
      expect(errors).toEqual([]);
      expect(course.lessons[0]?.quiz[1]).toEqual(
        expect.objectContaining({ kind: 'numeric', answer: 0.5, tolerance: 0.01, unit: '%', feedbackHtml: '<p>Think of dividing by two.</p>' }),
      );
      const exact = parseCourse(withQuestion(NUMERIC.replace('    tolerance: 0.01\n', ''))).course.lessons[0]?.quiz[1];
      expect(exact).toMatchObject({ kind: 'numeric', tolerance: 0 });
    });
    it('multiple: answers must be options, listed once; feedback covers every wrong option', () => {
      expect(errorsOf(withQuestion(MULTI.replace('answers: ["2", "4"]', 'answers: ["2", "6", "2"]')))).toEqual([
        'content/hello-lab/quiz.md:12:20 — questions[1].answers[1]: "6" is not one of the options ("1", "2", "4")',
        'content/hello-lab/quiz.md:12:25 — questions[1].answers[2]: "2" is listed twice',
      ]);
      expect(errorsOf(withQuestion(`${MULTI}    feedback:\n      "2": Hint for two.\n`))).toEqual([
        'content/hello-lab/quiz.md:15:7 — questions[1].feedback: no feedback for the wrong option "1"',
      ]);
      expect(errorsOf(withQuestion(MULTI.replace('    answers: ["2", "4"]\n', '    kind: multiple\n')))).toEqual([
        'content/hello-lab/quiz.md:9:5 — questions[1].answers: a multiple choice question needs `answers` (the texts of every right option)',
      ]);
    });
    it('numeric: no options, a number answer, a tolerance that is not negative, one feedback text', () => {
      expect(errorsOf(withQuestion(NUMERIC.replace('tolerance: 0.01', 'tolerance: -0.01')))).toEqual([
        'content/hello-lab/quiz.md:12:16 — questions[1].tolerance: a tolerance cannot be negative',
      ]);
      expect(errorsOf(withQuestion(NUMERIC.replace('    answer: 0.5\n', '    kind: numeric\n    options: ["a", "b"]\n    answer: "0.5"\n')))).toEqual([
        'content/hello-lab/quiz.md:12:14 — questions[1].options: a numeric question has no options (the learner types a number)',
        'content/hello-lab/quiz.md:13:13 — questions[1].answer: a numeric answer must be a number, got "0.5"',
      ]);
      expect(errorsOf(withQuestion(NUMERIC.replace('feedback: Think of dividing by two.', 'feedback:\n      "0.4": Too small.')))).toEqual([
        'content/hello-lab/quiz.md:16:7 — questions[1].feedback: a numeric question has one feedback text (shown after a wrong number), not one per option',
      ]);
    });
    it('single: a tolerance or unit is an error, and an unquoted number answer says to quote it', () => {
      expect(errorsOf(withFile('hello-lab/quiz.md', (t) => t.replace('answer: "2"', 'answer: 2\n    unit: cm')))).toEqual([
        'content/hello-lab/quiz.md:7:11 — questions[0].unit: only a numeric question has a unit (this one is single choice)',
        'content/hello-lab/quiz.md:6:13 — questions[0].answer: a number answer makes a numeric question, which has no options: quote it ("2") if it is an option\'s text',
      ]);
    });
  });

  it('a slug that is not a slug', () => {
    expect(errorsOf(withFile('hello-lab/glossary.md', (t) => t.replace('id: fixture', 'id: Fixture Term')))[0]).toBe(
      'content/hello-lab/glossary.md:3:9 — terms[0].id: expected a lowercase slug such as "data-drift" (letters, digits and single dashes), got "Fixture Term"',
    );
  });

  it('duplicate ids', () => {
    const errors = errorsOf(
      withFile('hello-lab/faq.md', (t) => t).map((f) =>
        f.path === 'hello-lab/quiz.md' ? { ...f, text: f.text.replace(/---\n$/, '') + f.text.split('questions:\n')[1] } : f,
      ),
    );
    expect(errors).toEqual(['content/hello-lab/quiz.md:9:9 — questions[1].id: duplicate id "first" (first used at questions[0])']);
  });

  it('duplicate step slugs and bad step file names', () => {
    const step = base.find((f) => f.path === 'hello-lab/steps/01-first-step.md');
    if (!step) throw new Error('fixture missing');
    const errors = errorsOf([
      ...base,
      { path: 'hello-lab/steps/03-first-step.md', text: step.text },
      { path: 'hello-lab/steps/Step Four.md', text: step.text },
    ]);
    expect(errors).toEqual([
      'content/hello-lab/steps/03-first-step.md:1:1 — duplicate step slug "first-step" (also used by hello-lab/steps/01-first-step.md)',
      'content/hello-lab/steps/Step Four.md:1:1 — step file names must look like "01-my-step.md" (two digits, a dash, a lowercase slug)',
    ]);
  });

  it('a step without its solution block, or with a language that does not match the runtime', () => {
    expect(errorsOf(withFile('hello-lab/steps/02-second-step.md', (t) => t.replace('```python solution file=hello.py', '```python')))).toEqual([
      'content/hello-lab/steps/02-second-step.md:14:1 — needs a solution code block: a fence such as ```python solution',
    ]);
    expect(errorsOf(withFile('hello-lab/steps/02-second-step.md', (t) => t.replace('runtime: python', 'runtime: shell')))).toEqual([
      'content/hello-lab/steps/02-second-step.md:8:10 — runtime: is "shell" but the first starter block is python; put the shell file first',
    ]);
  });

  it('references to missing steps, terms, nodes and lessons', () => {
    const errors = errorsOf(
      withFile('hello-lab/skills.md', (t) =>
        t.replace('masteredBy: second-step', 'masteredBy: third-step').replace('requires: [basics]', 'requires: [basix]').replace('terms: [fixture]\n    masteredBy: first', 'terms: [fixtur]\n    masteredBy: first'),
      ).map((f) => (f.path === 'hello-lab/lesson.md' ? { ...f, text: f.text.replace('next: []', 'next: [sequel]') } : f)),
    );
    expect(errors).toEqual([
      'content/hello-lab/skills.md:6:13 — nodes[0].terms[0]: no glossary term has the id "fixtur"',
      'content/hello-lab/skills.md:11:16 — nodes[1].requires[0]: no skill node has the id "basix"',
      'content/hello-lab/skills.md:13:17 — nodes[1].masteredBy: no step has the slug "third-step" (steps: first-step, second-step)',
      'content/hello-lab/lesson.md:12:8 — next[0]: no lesson has the id "sequel" (known: hello-lab)',
    ]);
  });

  it('a recap whose fact is unknown, or names a step that does not exist', () => {
    const withRecap = (recap: string) => errorsOf(withFile('hello-lab/lesson.md', (t) => t.replace('next: []', `next: []\nrecap:\n${recap}`)));
    expect(withRecap('  title: Done\n  intro: You did it.\n  facts:\n    - { fact: drift, above: 0.2, step: third-step }')).toEqual([
      'content/hello-lab/lesson.md:17:40 — recap.facts[0].step: no step has the slug "third-step" (steps: first-step, second-step)',
    ]);
    expect(withRecap('  title: Done\n  intro: You did it.\n  facts:\n    - { fact: champion }')[0]).toMatch(/^content\/hello-lab\/lesson\.md:17:\d+ — recap\.facts\[0\]/);
    expect(withRecap('  title: Done\n  intro: You did it.\n  facts: []')).toEqual(['content/hello-lab/lesson.md:16:10 — recap.facts: at least one fact']);
  });

  it('prerequisites that loop', () => {
    const errors = errorsOf(withFile('hello-lab/skills.md', (t) => t.replace('    terms: [fixture]\n    masteredBy: first-step', '    requires: [advanced]\n    terms: [fixture]\n    masteredBy: first-step')));
    expect(errors).toEqual(['content/hello-lab/skills.md:6:15 — nodes[0].requires: prerequisites form a loop: basics → advanced → basics']);
  });

  it('a lesson id that does not match its folder', () => {
    expect(errorsOf(withFile('hello-lab/lesson.md', (t) => t.replace('id: hello-lab', 'id: hello-world')))).toEqual([
      'content/hello-lab/lesson.md:2:5 — id: must match the folder name "hello-lab", got "hello-world"',
    ]);
  });

  it('a lesson folder without lesson.md', () => {
    expect(errorsOf(base.filter((f) => f.path !== 'hello-lab/lesson.md'))).toEqual([
      'content/hello-lab/lesson.md:1:1 — missing: every lesson folder needs a lesson.md',
    ]);
  });
});

describe('unsafe markdown never reaches the page', () => {
  const files = withFile('hello-lab/lesson.md', (t) =>
    t.replace(
      'This fixture lesson exists for the test suite.',
      'Hi <img src=x onerror="alert(1)"> there [click](javascript:alert(2)) and [ok](https://example.org).\n\n<div onclick="steal()">block</div>',
    ),
  );
  const { course, warnings, errors } = parseCourse(files);
  const html = course.lessons[0]?.introHtml ?? '';

  it('drops raw HTML and javascript: links, keeps safe links', () => {
    expect(errors).toEqual([]);
    expect(html).not.toMatch(/<img|onerror|onclick|<div|javascript:/i);
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).toContain('<a>click</a>');
  });

  it('warns the instructor where it happened', () => {
    expect(warnings.map((w) => formatIssue(w))).toEqual([
      'content/hello-lab/lesson.md:18:4 — raw HTML is not allowed in lesson markdown and was removed',
      'content/hello-lab/lesson.md:18:41 — unsafe link "javascript:alert(2)" was removed',
      'content/hello-lab/lesson.md:20:1 — raw HTML is not allowed in lesson markdown and was removed',
    ]);
  });
});

describe('wrong attempts (```python wrong fails=… mistake="…" blocks)', () => {
  const step = 'hello-lab/steps/02-second-step.md';
  const withWrong = (fence: string, checkId = '') =>
    withFile(step, (t) => `${t.replace('  - says: It prints hello.', `  - ${checkId ? `id: ${checkId}\n    ` : ''}says: It prints hello.`)}\n${fence}\nprint("bye")\n\`\`\`\n`);

  it('are taken out of the prose with the check they must fail, by id or by number', () => {
    const byId = parseCourse(withWrong('```python wrong file=hello.py fails=says-hello mistake="printing the wrong word"', 'says-hello'));
    expect(byId.errors).toEqual([]);
    const parsed = byId.course.lessons[0]?.steps[1];
    expect(parsed?.wrong).toEqual([
      {
        file: { file: 'hello.py', language: 'python', code: 'print("bye")\n' },
        fails: 0,
        mistake: 'printing the wrong word',
        where: 'content/hello-lab/steps/02-second-step.md:26',
      },
    ]);
    expect(parsed?.html).not.toContain('bye');
    expect(parseCourse(withWrong('```python wrong file=hello.py fails=1 mistake="printing the wrong word"')).course.lessons[0]?.steps[1]?.wrong[0]?.fails).toBe(0);
  });

  it('name the file and line of a block without fails= or mistake=, or naming no check or file', () => {
    expect(errorsOf(withWrong('```python wrong file=hello.py mistake="x"'))).toEqual([
      'content/hello-lab/steps/02-second-step.md:25:1 — the wrong block needs fails=<check id or number> naming the check it must fail (checks: 1)',
    ]);
    expect(errorsOf(withWrong('```python wrong file=hello.py fails=says-hi mistake="x"', 'says-hello'))).toEqual([
      'content/hello-lab/steps/02-second-step.md:26:1 — the wrong block\'s fails="says-hi" names no check (checks: says-hello)',
    ]);
    expect(errorsOf(withWrong('```python wrong file=hello.py fails=2'))).toEqual([
      'content/hello-lab/steps/02-second-step.md:25:1 — the wrong block\'s fails="2" names no check (checks: 1)',
      'content/hello-lab/steps/02-second-step.md:25:1 — the wrong block needs mistake="…" saying in a few words what it gets wrong',
    ]);
    expect(errorsOf(withWrong('```python wrong file=bye.py fails=1 mistake="x"'))).toEqual([
      'content/hello-lab/steps/02-second-step.md:25:1 — the wrong block\'s file "bye.py" is not one of the step\'s files (hello.py)',
    ]);
  });

  it('a fence with an attribute its block does not take, an unclosed quote or a stray word is an error at its line', () => {
    expect(errorsOf(withWrong('```python wrong file=hello.py fail=1 mistake="x"'))).toContain(
      'content/hello-lab/steps/02-second-step.md:25:1 — the wrong block\'s fence has fail=, which a wrong block does not take (it takes file=, fails=, mistake=)',
    );
    expect(errorsOf(withWrong('```python wrong file=hello.py fails=1 mistake="never closed'))).toContain(
      'content/hello-lab/steps/02-second-step.md:25:1 — the wrong block\'s mistake="… has no closing quote',
    );
    expect(errorsOf(withWrong("```python wrong file=hello.py fails=1 mistake='single'"))).toEqual([
      'content/hello-lab/steps/02-second-step.md:25:1 — the wrong block\'s mistake= is in single quotes: write mistake="…" with double quotes',
    ]);
  });

  it('a backtick in a marked fence line is an error there, not a block silently shown as prose', () => {
    const { errors, course } = parseCourse(withWrong('```python wrong file=hello.py fails=1 mistake="calling `print` twice"'));
    expect(errors.map((e) => formatIssue(e))).toContain(
      'content/hello-lab/steps/02-second-step.md:25:1 — this wrong block\'s fence holds a backtick, so Markdown reads it as text, not code: write the words without backticks (or fence it with ~~~)',
    );
    expect(course.lessons[0]?.steps[1]?.wrong ?? []).toEqual([]);
  });
});

describe('valid alternatives (```python valid note="…" blocks)', () => {
  const step = 'hello-lab/steps/02-second-step.md';
  const withValid = (fence: string) => withFile(step, (t) => `${t}\n${fence}\nprint("hel" + "lo")\n\`\`\`\n`);

  it('are taken out of the prose with their note', () => {
    const parsed = parseCourse(withValid('```python valid file=hello.py note="the word built from two parts"'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.course.lessons[0]?.steps[1]?.valid).toEqual([
      { file: { file: 'hello.py', language: 'python', code: 'print("hel" + "lo")\n' }, note: 'the word built from two parts', where: 'content/hello-lab/steps/02-second-step.md:25' },
    ]);
    expect(parsed.course.lessons[0]?.steps[1]?.html).not.toContain('hel');
  });

  it('need a note and one of the step\'s files', () => {
    expect(errorsOf(withValid('```python valid file=hello.py'))).toEqual([
      'content/hello-lab/steps/02-second-step.md:25:1 — the valid block needs note="…" saying in a few words how it differs from the solution',
    ]);
    expect(errorsOf(withValid('```python valid file=other.py note="x"'))).toEqual([
      'content/hello-lab/steps/02-second-step.md:25:1 — the valid block\'s file "other.py" is not one of the step\'s files (hello.py)',
    ]);
  });
});

describe('an assert check', () => {
  const step = 'hello-lab/steps/02-second-step.md';
  it('needs its Python', () => {
    expect(errorsOf(withFile(step, (t) => t.replace('{ kind: output-contains, text: hello }', '{ kind: assert }')))[0]).toMatch(/02-second-step.md:12:\d+ — checks\[0\]\.expect\.python/);
  });
});

// Lessons load nothing from other origins: the CSP (vite.config.ts) would block
// it, and the page promises that no request leaves it (tests/e2e/journey.e2e.ts).
describe('lesson media must be local', () => {
  const intro = (markdown: string) => withFile('hello-lab/lesson.md', (t) => t.replace('This fixture lesson exists for the test suite.', markdown));
  const advice = 'lessons load media only from this site: put the file in the lesson\'s folder and write its relative path, such as "images/chart.png"';

  it('an image from another site, by scheme or by host, is an error at its line and column', () => {
    expect(errorsOf(intro('See ![chart](https://cdn.example.org/chart.png).\n\n![a](//cdn.example.org/a.png) ![b](/\\cdn.example.org/b.png)'))).toEqual([
      `content/hello-lab/lesson.md:18:5 — image "https://cdn.example.org/chart.png" is not local — ${advice}`,
      `content/hello-lab/lesson.md:20:1 — image "//cdn.example.org/a.png" is not local — ${advice}`,
      `content/hello-lab/lesson.md:20:31 — image "/\\\\cdn.example.org/b.png" is not local — ${advice}`,
    ]);
  });

  it('a data: image is an error too (the sanitizer would drop it silently)', () => {
    expect(errorsOf(intro('![dot](data:image/png;base64,iVBORw0KGgo=)'))).toEqual([
      `content/hello-lab/lesson.md:18:1 — image "data:image/png;base64,iVBORw0KGgo=" is not local — ${advice}`,
    ]);
  });

  it('an image by reference points at the definition', () => {
    expect(errorsOf(intro('![chart][c]\n\n[c]: http://example.org/c.svg'))).toEqual([
      `content/hello-lab/lesson.md:20:1 — image "http://example.org/c.svg" (used as ![…][c]) is not local — ${advice}`,
    ]);
  });

  it('a link to a remote media file is an error; a link to a page is not', () => {
    expect(errorsOf(intro('[video](https://example.org/talk.mp4?t=3) and [docs](https://mlflow.org/docs/latest/)'))).toEqual([
      `content/hello-lab/lesson.md:18:1 — link to the media file "https://example.org/talk.mp4?t=3" is not local — ${advice}`,
    ]);
  });

  it('local images pass and render', () => {
    const files = intro('![chart](/images/chart.png) ![logo](logo.svg)');
    expect(errorsOf(files)).toEqual([]);
    expect(parseCourse(files).course.lessons[0]?.introHtml).toContain('<img src="/images/chart.png" alt="chart">');
  });

  it('an image from the lesson\'s folder, relative to its file, renders pointing at that file', () => {
    const files = intro('![A chart](./images/chart.png)');
    const parsed = parseCourse(files, { lessonFiles: ['hello-lab/images/chart.png'] });
    expect(parsed.errors).toEqual([]);
    expect(parsed.course.lessons[0]?.introHtml).toContain('<img src="/@lesson-file/hello-lab/images/chart.png" alt="A chart">');
    const step = withFile('hello-lab/steps/02-second-step.md', (t) => t.replace('Print something.', '![The loop](../images/loop.svg)\n\n![Again](loop.webp)'));
    const inStep = parseCourse(step, { lessonFiles: ['hello-lab/images/loop.svg', 'hello-lab/steps/loop.webp'] });
    expect(inStep.errors).toEqual([]);
    expect(inStep.course.lessons[0]?.steps[1]?.html).toContain('<img src="/@lesson-file/hello-lab/images/loop.svg" alt="The loop">');
    expect(inStep.course.lessons[0]?.steps[1]?.html).toContain('<img src="/@lesson-file/hello-lab/steps/loop.webp" alt="Again">');
  });

  it('a missing file, an image without alt text, a file outside the lesson or of another type is an error at its line', () => {
    const files = intro('![A chart](images/chart.png)\n\n![](images/there.png)\n\n![Other](../other-lesson/x.png) ![Doc](notes.pdf)');
    expect(parseCourse(files, { lessonFiles: ['hello-lab/images/there.png', 'hello-lab/notes.pdf'] }).errors.map((e) => formatIssue(e))).toEqual([
      'content/hello-lab/lesson.md:18:1 — image "images/chart.png" names content/hello-lab/images/chart.png, which does not exist',
      'content/hello-lab/lesson.md:20:1 — image "images/there.png" has no alt text: say what it shows between the brackets, ![Loss falling over 30 epochs](images/there.png)',
      'content/hello-lab/lesson.md:22:1 — image "../other-lesson/x.png" is outside the lesson\'s folder: put the file in content/hello-lab/ and write its path relative to this file',
      'content/hello-lab/lesson.md:22:33 — image "notes.pdf" is not an image a lesson can show: use a .png, .jpg, .jpeg, .gif, .webp or .svg file',
    ]);
  });

  it('an image without alt text in a frontmatter field is an error at the field', () => {
    expect(errorsOf(withFile('hello-lab/glossary.md', (t) => t.replace('definition: Data made for a test.', 'definition: "![](/images/x.png)"')))).toEqual([
      'content/hello-lab/glossary.md:5:17 — terms[0].definition: image "/images/x.png" has no alt text: say what it shows between the brackets, ![Loss falling over 30 epochs](/images/x.png)',
    ]);
  });

  it('markdown fields of the frontmatter are checked, at the field', () => {
    expect(errorsOf(withFile('hello-lab/glossary.md', (t) => t.replace('definition: Data made for a test.', 'definition: "![x](https://example.org/x.png)"')))).toEqual([
      `content/hello-lab/glossary.md:5:17 — terms[0].definition: image "https://example.org/x.png" is not local — ${advice}`,
    ]);
  });
});

describe('file= names on code fences', () => {
  const named = (name: string) =>
    errorsOf(withFile('hello-lab/steps/02-second-step.md', (t) => t.replaceAll('file=hello.py', `file=${name}`)));
  const rule =
    'use a relative path of letters, digits, ".", "_", "-" and "/" such as "train.py" or "src/app.py" (no leading "/", no "." or ".." parts, no empty parts)';

  it.each(['<img', '../secret.py', '/etc/passwd', 'src//app.py', './hello.py', 'src/', 'src\\app.py', 'C:app.py', 'héllo.py'])(
    'rejects %j at the name, for the starter and the solution',
    (name) => {
      expect(named(name)).toEqual([
        `content/hello-lab/steps/02-second-step.md:17:19 — the starter block's file name "${name}" is not allowed: ${rule}`,
        `content/hello-lab/steps/02-second-step.md:21:20 — the solution block's file name "${name}" is not allowed: ${rule}`,
      ]);
    },
  );

  it.each(['hello.py', 'src/app.py', 'Dockerfile', 'data/raw-v2_final.csv', '.env'])('accepts %j', (name) => {
    expect(named(name)).toEqual([]);
  });
});

// Issue 10 §2: GitHub-flavoured markdown, alerts, inline markdown fields and checked links.
describe('GitHub-flavoured lesson markdown', () => {
  const STEP = 'hello-lab/steps/01-first-step.md';
  const stepHtml = (body: string) =>
    parseCourse(withFile(STEP, (t) => t.replace('Write a file.', body))).course.lessons[0]?.steps[0]?.html ?? '';

  it('renders tables, task lists, strikethrough, autolinks and footnotes as GitHub does', () => {
    const html = stepHtml('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ www.example.com\n\nSee[^1].\n\n[^1]: The note.');
    // Markup per mdast-util-to-hast / GitHub's rendering of GFM (github.github.com/gfm).
    expect(html).toContain('<table>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
    // Footnote links reach their ids after the sanitizer's "user-content-" prefix.
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(html).toContain('<li id="user-content-fn-1">');
  });

  it('renders GitHub alerts as callouts with their title', () => {
    // The five kinds and titles of docs.github.com "Basic writing and formatting syntax" § Alerts.
    for (const [kind, title] of [['NOTE', 'Note'], ['TIP', 'Tip'], ['IMPORTANT', 'Important'], ['WARNING', 'Warning'], ['CAUTION', 'Caution']] as const) {
      const html = stepHtml(`> [!${kind}]\n> Mind the *data*.`);
      expect(html).toContain(`<div class="callout callout-${kind.toLowerCase()}">\n<p class="callout-title">${title}</p>\n<p>Mind the <em>data</em>.</p>\n</div>`);
    }
    expect(stepHtml('> just a quote')).toContain('<blockquote>\n<p>just a quote</p>\n</blockquote>');
  });

  it('keeps dropping raw HTML and javascript: links inside alerts and tables', () => {
    const html = stepHtml('> [!NOTE]\n> <img src=x onerror=alert(1)> [x](javascript:alert(1))\n\n| a |\n|---|\n| <script>alert(1)</script> |');
    expect(html).not.toMatch(/onerror|<script|javascript:/);
  });

  it('gives headings GitHub ids and points in-page links at them', () => {
    const html = stepHtml('## Load the data\n\nSee [below](#load-the-data).');
    expect(html).toContain('<h2 id="user-content-load-the-data">Load the data</h2>');
    expect(html).toContain('<a href="#user-content-load-the-data">below</a>');
  });

  it('renders quiz prompts and options and FAQ questions as inline markdown', () => {
    const quiz = withFile('hello-lab/quiz.md', (t) =>
      t.replace('Which number is two?', 'Which `number` is two?').replace('options: ["1", "2", "3"]', 'options: ["1", "`2`", "3"]').replace('answer: "2"', 'answer: "`2`"'),
    );
    const faq = quiz.map((f) => (f.path === 'hello-lab/faq.md' ? { ...f, text: f.text.replace('Is this real?', 'Is `this` real?') } : f));
    const { course, errors } = parseCourse(faq);
    expect(errors).toEqual([]);
    const q = course.lessons[0]?.quiz[0];
    expect(q?.promptHtml).toBe('Which <code>number</code> is two?');
    expect(q).toMatchObject({ kind: 'single', optionsHtml: ['1', '<code>2</code>', '3'], answer: '`2`' }); // the answer still matches the option's text
    expect(course.lessons[0]?.faq[0]?.questionHtml).toBe('Is <code>this</code> real?');
  });

  it('renders glossary definitions as markdown, links checked like any other field', () => {
    const glossary = withFile('hello-lab/glossary.md', (t) => t.replace('definition: Data made for a test.', 'definition: "Data made for a **test**, read with `lab.load`; see [step 2](/lessons/hello-lab/steps/second-step)."'));
    const { course, errors } = parseCourse(glossary);
    expect(errors).toEqual([]);
    expect(course.lessons[0]?.glossary[0]?.definitionHtml).toBe(
      '<p>Data made for a <strong>test</strong>, read with <code>lab.load</code>; see <a href="/lessons/hello-lab/steps/second-step">step 2</a>.</p>',
    );
    const broken = withFile('hello-lab/glossary.md', (t) => t.replace('definition: Data made for a test.', 'definition: "See [step 9](/lessons/hello-lab/steps/ninth)."'));
    expect(errorsOf(broken)).toEqual([expect.stringMatching(/^content\/hello-lab\/glossary\.md:5:17 — terms\[0\]\.definition: link .* names no step "ninth"/)]);
  });
});

describe('links to lessons, steps and headings', () => {
  const STEP = 'hello-lab/steps/01-first-step.md';
  const withBody = (body: string) => errorsOf(withFile(STEP, (t) => t.replace('Write a file.', body)));

  it('accepts links to existing lessons, steps and headings, absolute or relative', () => {
    expect(withBody('## Setup\n\n[a](/lessons/hello-lab) [b](/lessons/hello-lab/steps/second-step) [c](second-step) [d](../../hello-lab) [e](#setup) [f](https://example.com/lessons/nope)')).toEqual([]);
  });

  it('reports a link to no lesson, no step or no heading at its line and column', () => {
    // "Write a file." is on line 17 of the fixture step; in-page anchors are checked as the page renders, the rest once every lesson is known.
    expect(withBody('Go [there](/lessons/nope) or\n[here](/lessons/hello-lab/steps/third-step), [up](#nowhere).')).toEqual([
      'content/hello-lab/steps/01-first-step.md:18:46 — link "#nowhere" names no heading on this page (headings: none)',
      'content/hello-lab/steps/01-first-step.md:17:4 — link "/lessons/nope" names no lesson "nope" (lessons: hello-lab)',
      'content/hello-lab/steps/01-first-step.md:18:1 — link "/lessons/hello-lab/steps/third-step" names no step "third-step" in lesson "hello-lab" (steps: first-step, second-step)',
    ]);
  });

  it("lets a lesson's intro link to the lesson page's own sections", () => {
    const files = withFile('hello-lab/lesson.md', (t) => `${t}\nTry the [quiz](#quick-quiz), not [this](#nope).\n`);
    expect(errorsOf(files)).toEqual([expect.stringMatching(/lesson\.md:\d+:\d+ — link "#nope" names no heading on this page/)]);
  });

  it('resolves relative links as the browser would on the step page', () => {
    expect(withBody('[next](third-step)')).toEqual([
      'content/hello-lab/steps/01-first-step.md:17:1 — link "third-step" names no step "third-step" in lesson "hello-lab" (steps: first-step, second-step)',
    ]);
  });

  it("checks a #heading on another page against that page's headings", () => {
    const files = withFile('hello-lab/steps/02-second-step.md', (t) => t.replace('Print something.', '## Print a greeting\n\nPrint something.'));
    const body = (text: string) => parseCourse(files.map((f) => (f.path === STEP ? { ...f, text: f.text.replace('Write a file.', text) } : f)));
    const good = body('[a](/lessons/hello-lab/steps/second-step#print-a-greeting) [b](second-step#print-a-greeting) [c](/lessons/hello-lab#quick-quiz)');
    expect(good.errors.map((e) => formatIssue(e))).toEqual([]);
    // The heading's id on the page carries the sanitizer's prefix, so the link does too.
    expect(good.course.lessons[0]?.steps[0]?.html).toContain('href="/lessons/hello-lab/steps/second-step#user-content-print-a-greeting"');
    expect(good.course.lessons[0]?.steps[0]?.html).toContain('href="/lessons/hello-lab#quick-quiz"'); // a section of the lesson page: no prefix
    expect(body('See [it](/lessons/hello-lab/steps/second-step#greeting) and\n[that](/lessons/hello-lab#nope).').errors.map((e) => formatIssue(e))).toEqual([
      'content/hello-lab/steps/01-first-step.md:17:5 — link "/lessons/hello-lab/steps/second-step#greeting" names no heading "#greeting" on /lessons/hello-lab/steps/second-step (headings: #print-a-greeting)',
      'content/hello-lab/steps/01-first-step.md:18:1 — link "/lessons/hello-lab#nope" names no heading "#nope" on /lessons/hello-lab (headings: #lifecycle-hub, #steps, #skill-matrix, #quick-quiz, #faq, #glossary, #continue)',
    ]);
  });

  it('reports a bad link in a frontmatter field at the field', () => {
    const files = withFile('hello-lab/faq.md', (t) => t.replace('It is a fixture.', 'See [the lesson](/lessons/hello-lab/extra).'));
    expect(errorsOf(files)).toEqual([
      'content/hello-lab/faq.md:4:13 — items[0].answer: link "/lessons/hello-lab/extra" leads to /lessons/hello-lab/extra, which is no page of the lab (pages are /lessons/<id> and /lessons/<id>/steps/<slug>)',
    ]);
  });
});

describe('the course order (lesson.md `order`)', () => {
  /** The fixture lesson copied into another folder under another id, with `order` lines added. */
  function twoLessons(orderOfHello: number | null, orderOfOther: number | null): ContentFile[] {
    const withOrder = (text: string, order: number | null) => (order === null ? text : text.replace(/^next: \[\]$/m, `order: ${order}\nnext: []`));
    const other = base.map((f) => ({
      ...f,
      path: f.path.replace(/^hello-lab\//, 'a-first-folder/'),
      text: f.path === 'hello-lab/lesson.md' ? withOrder(f.text.replace(/^id: hello-lab$/m, 'id: a-first-folder'), orderOfOther) : f.text,
    }));
    const hello = base.map((f) => (f.path === 'hello-lab/lesson.md' ? { ...f, text: withOrder(f.text, orderOfHello) } : f));
    return [...hello, ...other];
  }

  it('lists lessons by their order, not by folder name', () => {
    const { course, errors } = parseCourse(twoLessons(1, 2));
    expect(errors.map((e) => formatIssue(e))).toEqual([]);
    expect(course.lessons.map((l) => l.id)).toEqual(['hello-lab', 'a-first-folder']);
  });

  it('puts lessons without an order last', () => {
    expect(parseCourse(twoLessons(null, 1)).course.lessons.map((l) => l.id)).toEqual(['a-first-folder', 'hello-lab']);
    expect(parseCourse(twoLessons(1, null)).course.lessons.map((l) => l.id)).toEqual(['hello-lab', 'a-first-folder']);
  });

  it('refuses two lessons in one place, naming the file and field', () => {
    const errors = parseCourse(twoLessons(1, 1)).errors.map((e) => formatIssue(e));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/lesson\.md.*order.*lesson "(hello-lab|a-first-folder)" already has order 1/);
  });
});

describe('a step’s prediction, takeaways and re-run note', () => {
  const STEP = 'hello-lab/steps/01-first-step.md';
  const withFields = (yaml: string) => withFile(STEP, (t) => t.replace('\nhints:\n', `\n${yaml}hints:\n`));
  const predict = `predict:
  prompt: What will \`print(1 + 1)\` show?
  options: ["1", "2", "11"]
  answer: "2"
  explanation: Python adds the numbers.
takeaways:
  - "\`print\` shows a value."
rerun: Running it again prints again.
`;

  it('builds the prediction as a question of the step (id "predict-<slug>"), the takeaways and the re-run note as HTML', () => {
    const { course, errors } = parseCourse(withFields(predict));
    expect(errors.map((e) => formatIssue(e))).toEqual([]);
    const step = course.lessons[0]!.steps[0]!;
    expect(step.prediction).toMatchObject({ id: 'predict-first-step', kind: 'single', answer: '2', xp: 20, promptHtml: 'What will <code>print(1 + 1)</code> show?' });
    expect(step.takeawaysHtml).toEqual(['<code>print</code> shows a value.']);
    expect(step.rerunHtml).toBe('Running it again prints again.');
    // The course index scores predictions as questions.
    expect(course.lessons[0]!.steps.filter((s) => s.prediction).length).toBe(1);
  });

  it('checks a prediction by the quiz’s rules, at its field', () => {
    const errors = errorsOf(withFields(predict.replace('answer: "2"', 'answer: "4"')));
    expect(errors).toEqual([expect.stringMatching(/01-first-step\.md:\d+.*predict\.answer.*"4" is not one of the options/)]);
    expect(errorsOf(withFields('predict:\n  prompt: Which?\n  options: [a, b]\n  answer: a\n  explanation: x\n  id: mine\n'))).toEqual([
      expect.stringMatching(/predict.*unknown field "id"/),
    ]);
  });
});
