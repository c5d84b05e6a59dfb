// The lesson model's schema (src/content/modelSchema.ts, the source of the
// model's types) and the parser agree: what the parser builds fits the schema
// with nothing missing and nothing extra.
import { describe, expect, it } from 'vitest';
import { courseSchema } from '../../src/content/modelSchema';
import { loadCourse } from '../../scripts/content-files';

describe('the lesson model schema', () => {
  it.each(['content', 'tests/fixtures/content'])('fits the course the parser builds from %s, field for field', (root) => {
    const { course } = loadCourse(root);
    expect(course.lessons.length).toBeGreaterThan(0);
    // Unknown keys are stripped by the parse: equality means the parser adds none the schema lacks.
    expect(courseSchema.parse(course)).toEqual(course);
  });

  it('refuses a model the app could not render', () => {
    const { course } = loadCourse('tests/fixtures/content');
    const lesson = course.lessons[0];
    if (!lesson) throw new Error('fixture lesson missing');
    const broken = { lessons: [{ ...lesson, steps: lesson.steps.map(({ html: _html, ...rest }) => rest) }] };
    const result = courseSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['lessons', 0, 'steps', 0, 'html']);
  });
});
