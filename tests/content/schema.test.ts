import { describe, expect, it } from 'vitest';
import { checkSchema, glossaryFrontmatterSchema, lessonFrontmatterSchema, quizFrontmatterSchema, skillsFrontmatterSchema, stepFrontmatterSchema } from '../../src/content/schema';

const validStep = {
  title: 'T',
  phase: 'training',
  summary: 'S',
  preview: { address: 'localhost:5000', service: 'tracking-ui' },
  runtime: 'python',
  xp: 10,
  checks: [{ says: 'ok', expect: { kind: 'no-error' } }],
};

describe('step frontmatter', () => {
  it('accepts a valid step and fills defaults', () => {
    const parsed = stepFrontmatterSchema.parse(validStep);
    expect(parsed.hints).toEqual([]);
  });
  it.each([
    ['an address off localhost', { preview: { address: 'example.com', service: 'tracking-ui' } }],
    ['an unknown runtime', { runtime: 'ruby' }],
    ['no checks', { checks: [] }],
    ['negative xp', { xp: -5 }],
    ['an unknown field', { colour: 'blue' }],
  ])('rejects %s', (_name, change) => {
    expect(stepFrontmatterSchema.safeParse({ ...validStep, ...change }).success).toBe(false);
  });
});

describe('checks', () => {
  it('accepts each kind with its fields', () => {
    expect(checkSchema.parse({ kind: 'mlflow-metric', key: 'loss' })).toEqual({ kind: 'mlflow-metric', key: 'loss', minSteps: 1 });
    expect(checkSchema.safeParse({ kind: 'http', method: 'POST', path: '/predict', status: 200 }).success).toBe(true);
    expect(checkSchema.safeParse({ kind: 'variable', name: 'accuracy', atLeast: 0.8 }).success).toBe(true);
  });
  it('rejects missing fields and bad values', () => {
    expect(checkSchema.safeParse({ kind: 'mlflow-param' }).success).toBe(false);
    expect(checkSchema.safeParse({ kind: 'http', method: 'DELETE', path: '/x', status: 200 }).success).toBe(false);
    expect(checkSchema.safeParse({ kind: 'variable', name: '1abc' }).success).toBe(false);
  });
});

describe('lesson, quiz, glossary and skills frontmatter', () => {
  it('lesson: requires an instructor and a lowercase skill', () => {
    const lesson = {
      id: 'x',
      title: 'X',
      summary: 'S',
      skill: 'ai',
      instructor: { name: 'N', role: 'R' },
      callout: { title: 'C', text: 'T' },
      phases: [{ id: 'p', label: 'P' }],
    };
    expect(lessonFrontmatterSchema.parse(lesson).next).toEqual([]);
    const { phases: _none, ...noPhases } = lesson; // the phases are the lesson's own: no default
    expect(lessonFrontmatterSchema.safeParse(noPhases).success).toBe(false);
    expect(lessonFrontmatterSchema.safeParse({ ...lesson, skill: 'Artificial Intelligence' }).success).toBe(false);
    const { instructor: _gone, ...noInstructor } = lesson;
    expect(lessonFrontmatterSchema.safeParse(noInstructor).success).toBe(false);
  });
  it('quiz: needs two options and defaults xp to 20', () => {
    const q = { id: 'q', prompt: 'P', options: ['a', 'b'], answer: 'a', explanation: 'E' };
    expect(quizFrontmatterSchema.parse({ questions: [q] }).questions[0]?.xp).toBe(20);
    expect(quizFrontmatterSchema.safeParse({ questions: [{ ...q, options: ['a'] }] }).success).toBe(false);
  });
  it('glossary: code previews need a known language and a caption', () => {
    const t = { id: 't', term: 'T', definition: 'D', code: { language: 'python', source: 'x', caption: 'c' } };
    expect(glossaryFrontmatterSchema.safeParse({ terms: [t] }).success).toBe(true);
    expect(glossaryFrontmatterSchema.safeParse({ terms: [{ ...t, code: { ...t.code, language: 'cobol' } }] }).success).toBe(false);
    expect(glossaryFrontmatterSchema.safeParse({ terms: [{ ...t, code: { language: 'python', source: 'x' } }] }).success).toBe(false);
  });
  it('skills: a node needs at least one term', () => {
    const n = { id: 'n', label: 'N', description: 'D', terms: ['t'], masteredBy: 's' };
    expect(skillsFrontmatterSchema.safeParse({ nodes: [n] }).success).toBe(true);
    expect(skillsFrontmatterSchema.safeParse({ nodes: [{ ...n, terms: [] }] }).success).toBe(false);
  });
});
