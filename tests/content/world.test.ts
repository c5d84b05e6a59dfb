// lesson.md's hub:, phases:, skill: { id, name } and lab:, and the lab's start
// files (content/<lesson>/lab/): valid ones parse, and each mistake is an error
// at its file and line that says what is wrong.
import { mkdirSync, mkdtempSync, cpSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { START_FILE_MAX_BYTES, formatIssue, parseCourse, type ContentFile } from '../../src/content/parse';
import { readContentFiles } from '../../scripts/content-files';

const base = readContentFiles('tests/fixtures/content');
const LESSON = 'hello-lab/lesson.md';

const withLesson = (change: (text: string) => string): ContentFile[] => base.map((f) => (f.path === LESSON ? { ...f, text: change(f.text) } : f));
const withFiles = (...extra: ContentFile[]): ContentFile[] => [...base, ...extra];
const errorsOf = (files: ContentFile[]) => parseCourse(files).errors.map((e) => formatIssue(e));
const lessonOf = (files: ContentFile[]) => parseCourse(files).course.lessons[0]!;
const replaceLine = (prefix: string, line: string) => (t: string) => t.replace(new RegExp(`^${prefix}: .*$`, 'm'), line);

describe('hub, phases and the skill’s name', () => {
  it('come from lesson.md', () => {
    const lesson = lessonOf(base);
    expect(lesson.hub).toEqual({ title: 'Hello loop', caption: 'practice feeds back into reading', intro: 'Two phases, one loop.' });
    expect(lesson.phases).toEqual([
      { id: 'ingestion', label: 'Reading' },
      { id: 'training', label: 'Practice' },
    ]);
    expect([lesson.skill, lesson.skillName]).toEqual(['testing', 'testing']);
  });

  it('a skill given as { id, name } keeps its id for saved XP and gives the header its name', () => {
    const lesson = lessonOf(withLesson((t) => t.replace('skill: testing', 'skill: { id: testing, name: Fixture testing }')));
    expect([lesson.skill, lesson.skillName]).toEqual(['testing', 'Fixture testing']);
  });

  it('without hub: the hub is titled by the lesson', () => {
    const lesson = lessonOf(withLesson((t) => t.replace(/^hub: .*\n/m, '')));
    expect(lesson.hub.title).toBe('Hello Lab');
    expect(lesson.hub.caption).toBeUndefined();
  });

  it('without phases: an error, never another lesson’s phases', () => {
    expect(errorsOf(withLesson((t) => t.replace(/^phases: .*\n/m, '')))).toEqual(['content/hello-lab/lesson.md:2:1 — phases: is required (expected array)']);
  });

  it('a step whose phase is not one of the lesson’s is an error at the step’s phase', () => {
    const files = withLesson(replaceLine('phases', 'phases: [{ id: ingestion, label: Reading }]'));
    expect(errorsOf(files)).toEqual([
      'content/hello-lab/steps/02-second-step.md:3:8 — phase: "training" is not one of the lesson\'s phases (ingestion; lesson.md `phases:`)',
    ]);
  });

  it('phases must be slugs with labels, unique and at least one; hub needs a title', () => {
    expect(errorsOf(withLesson(replaceLine('phases', 'phases: [{ id: Reading, label: Reading }, { id: training, label: Practice }]')))).toEqual([
      'content/hello-lab/lesson.md:14:16 — phases[0].id: expected a lowercase slug such as "data-drift" (letters, digits and single dashes), got "Reading"',
    ]);
    expect(errorsOf(withLesson(replaceLine('phases', 'phases: [{ id: ingestion, label: A }, { id: training, label: B }, { id: training, label: C }]')))).toEqual([
      'content/hello-lab/lesson.md:14:73 — phases[2].id: duplicate id "training" (first used at phases[1])',
    ]);
    expect(errorsOf(withLesson(replaceLine('phases', 'phases: []')))).toEqual(['content/hello-lab/lesson.md:14:9 — phases: at least one phase']);
    expect(errorsOf(withLesson(replaceLine('hub', 'hub: { caption: no title }')))).toEqual([
      'content/hello-lab/lesson.md:13:1 — hub.title: is required (expected string)',
    ]);
  });
});

describe('lab: in lesson.md', () => {
  it('gives the start commit, which start files it holds and the modules offered', () => {
    expect(lessonOf(base).lab).toEqual({ commit: 'Start the hello project', committed: ['README.md', 'notes/*.txt'], modules: ['lab'] });
  });

  it('has defaults: the skeleton commit of README.md and .gitignore, every module', () => {
    const lesson = lessonOf(withLesson((t) => t.replace(/^lab: .*\n/m, '')));
    expect(lesson.lab).toEqual({ commit: 'Initial project skeleton', committed: ['README.md', '.gitignore'], modules: ['lab', 'mlflow', 'fastapi', 'pydantic', 'uvicorn'] });
  });

  it('a module the lab does not have, an unknown field, an unsafe glob: errors at the field', () => {
    expect(errorsOf(withLesson(replaceLine('lab', 'lab: { modules: [lab, pandas] }')))).toEqual([
      'content/hello-lab/lesson.md:15:23 — lab.modules[1]: expected one of "lab", "mlflow", "fastapi", "pydantic", "uvicorn", got "pandas"',
    ]);
    expect(errorsOf(withLesson(replaceLine('lab', 'lab: { comit: typo }')))).toEqual([
      'content/hello-lab/lesson.md:15:8 — lab.comit: unknown field "comit" — check its spelling (see content/README.md)',
    ]);
    expect(errorsOf(withLesson(replaceLine('lab', 'lab: { committed: [../secret] }')))).toEqual([
      'content/hello-lab/lesson.md:15:20 — lab.committed[0]: expected a relative path or glob such as "README.md" or "data/**" (no leading "/", no ".."), got "../secret"',
    ]);
  });

  it('a committed glob that names no start file is an error at that glob', () => {
    expect(errorsOf(withLesson(replaceLine('lab', 'lab: { committed: [README.md, "docs/*.md"] }')))).toEqual([
      'content/hello-lab/lesson.md:15:31 — lab.committed[1]: "docs/*.md" names no file in hello-lab/lab/ (files: data/scores.csv, notes/todo.txt, README.md)',
    ]);
  });
});

describe('the lab’s start files (content/<lesson>/lab/)', () => {
  it('are read whole, whatever their type, and a README.md there is a start file, not a stray lesson file', () => {
    expect(base.filter((f) => f.path.startsWith('hello-lab/lab/')).map((f) => f.path).sort()).toEqual(['hello-lab/lab/README.md', 'hello-lab/lab/data/scores.csv', 'hello-lab/lab/notes/todo.txt']);
    expect(parseCourse(base).warnings).toEqual([]);
  });

  it('a name the lab cannot use, a file in .git/ or .lab/, a file too large: an error naming the file', () => {
    const big = 'x'.repeat(START_FILE_MAX_BYTES + 1);
    expect(
      errorsOf(
        withFiles(
          { path: 'hello-lab/lab/my notes.txt', text: 'x' },
          { path: 'hello-lab/lab/.git/config', text: 'x' },
          { path: 'hello-lab/lab/.lab/tracking.json', text: '{}' },
          { path: 'hello-lab/lab/data/huge.csv', text: big },
        ),
      ).sort(),
    ).toEqual(
      [
        'content/hello-lab/lab/my notes.txt:1:1 — is not a usable start file name: a relative path of letters, digits, ".", "_", "-" and "/" such as "train.py" or "src/app.py" (no leading "/", no "." or ".." parts, no empty parts)',
        'content/hello-lab/lab/.git/config:1:1 — is inside .git/, which the lab makes itself: leave it out of lab/',
        'content/hello-lab/lab/.lab/tracking.json:1:1 — is inside .lab/, which the lab makes itself: leave it out of lab/',
        'content/hello-lab/lab/data/huge.csv:1:1 — is 513 KB: a lab start file may be at most 512 KB',
      ].sort(),
    );
  });

  it('too much in all is an error on the folder', () => {
    const part = 'x'.repeat(500 * 1024);
    const files = [1, 2, 3, 4, 5].map((i) => ({ path: `hello-lab/lab/data/part${i}.csv`, text: part }));
    expect(errorsOf(withFiles(...files))).toEqual(['content/hello-lab/lab:1:1 — holds 2501 KB: a lesson\'s lab start files may be at most 2048 KB in all']);
  });

  it('a binary file or a symbolic link is refused by the reader, with the reason', () => {
    const root = mkdtempSync(join(realpathSync(tmpdir()), 'start-files-'));
    cpSync('tests/fixtures/content/hello-lab', join(root, 'hello-lab'), { recursive: true });
    mkdirSync(join(root, 'hello-lab/lab/img'));
    writeFileSync(join(root, 'hello-lab/lab/img/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    symlinkSync('/etc/hostname', join(root, 'hello-lab/lab/host.txt'));
    expect(errorsOf(readContentFiles(root))).toEqual([
      'content/hello-lab/lab/host.txt:1:1 — is a symbolic link: put the file itself in lab/',
      'content/hello-lab/lab/img/logo.png:1:1 — is not UTF-8 text: a lab start file must be text (binary files are not supported)',
    ]);
  });
});
