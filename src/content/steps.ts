// A lesson's steps (steps/NN-slug.md): each file's frontmatter, body and marked
// code blocks assembled into a Step, with the problems of each.
import { backtickedFences, collectCode, collectValid, collectWrong, type MarkedBlock } from './fences.ts';
import type { LessonReader } from './lessonReader.ts';
import type { Step } from './model.ts';
import { buildQuizQuestion, quizQuestionIssues } from './quiz.ts';
import { stepFrontmatterSchema } from './schema.ts';
import type { ContentFile } from './sourceFile.ts';

const STEP_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/**
 * The steps of a lesson, in file order, and the slugs its step files name (from the
 * file names, so that one bad step file does not cascade into other files'
 * references). `phaseIds` are the lesson's phases, undefined when lesson.md is unreadable.
 */
export function parseSteps(reader: LessonReader, files: ContentFile[], phaseIds: ReadonlySet<string> | undefined): { steps: Step[]; seenSlugs: Map<string, string> } {
  const { folder, lessonPage, report, open, renderBody, checkField, md } = reader;
  const steps: Step[] = [];
  const stepFiles = files.filter((f) => f.path.startsWith(`${folder}/steps/`)).sort((a, b) => a.path.localeCompare(b.path));
  const seenSlugs = new Map<string, string>();
  const seenOrders = new Map<number, string>();
  for (const f of stepFiles) {
    const name = f.path.slice(`${folder}/steps/`.length);
    const match = STEP_FILE.exec(name);
    if (!match) {
      report({ file: f.path, line: 1, column: 1, field: '', message: 'step file names must look like "01-my-step.md" (two digits, a dash, a lowercase slug)' });
      continue;
    }
    const order = Number(match[1]);
    const slug = match[2] as string;
    const src = open(f);
    if (seenSlugs.has(slug)) src.error([], `duplicate step slug "${slug}" (also used by ${seenSlugs.get(slug)})`, 1);
    else seenSlugs.set(slug, f.path);
    if (seenOrders.has(order)) src.error([], `duplicate step number ${match[1]} (also used by ${seenOrders.get(order)})`, 1);
    else seenOrders.set(order, f.path);

    const fm = src.validate(stepFrontmatterSchema);
    const stepPage = `${lessonPage}/steps/${slug}`;
    const { html, blocks } = renderBody(src, stepPage);
    backtickedFences(src);
    const starter = collectCode(src, blocks, 'starter');
    const solution = collectCode(src, blocks, 'solution');
    if (starter.length === 0) src.error([], 'needs a starter code block: a fence such as ```python starter', src.bodyLine);
    if (solution.length === 0) src.error([], 'needs a solution code block: a fence such as ```python solution', src.bodyLine);
    for (const s of solution) {
      if (!starter.some((t) => t.file === s.file)) src.error([], `solution file "${s.file}" has no starter block with the same file name`, src.bodyLine);
    }
    if (fm) {
      const { hints, checks, rerun, predict, takeaways, ...rest } = fm;
      checks.forEach((c, i) => checkField(src, ['checks', i, 'says'], c.says, stepPage));
      hints.forEach((h, i) => checkField(src, ['hints', i], h, stepPage));
      takeaways.forEach((t, i) => checkField(src, ['takeaways', i], t, stepPage));
      if (rerun) checkField(src, ['rerun'], rerun, stepPage);
      // A prediction is a quiz question of the step's own (its id is the step's slug), checked by the same rules.
      const prediction = predict && { ...predict, id: `predict-${slug}` };
      if (prediction) {
        checkField(src, ['predict', 'prompt'], prediction.prompt, stepPage);
        prediction.options?.forEach((o, j) => checkField(src, ['predict', 'options', j], o, stepPage));
        checkField(src, ['predict', 'explanation'], prediction.explanation, stepPage);
        for (const [path, message] of quizQuestionIssues(prediction)) src.error(['predict', ...path], message);
      }
      const mainLanguage = starter[0]?.language;
      const expected = fm.runtime === 'shell' ? 'shell' : 'python';
      if (mainLanguage && mainLanguage !== expected) {
        src.error(['runtime'], `is "${fm.runtime}" but the first starter block is ${mainLanguage}; put the ${expected} file first`);
      }
      if (phaseIds && !phaseIds.has(fm.phase)) {
        src.error(['phase'], `"${fm.phase}" is not one of the lesson's phases (${[...phaseIds].join(', ')}; lesson.md \`phases:\`)`);
      }
      const wrong = collectWrong(src, blocks, checks, [...starter, ...solution]);
      const valid = collectValid(src, blocks, [...starter, ...solution]);
      const at = (line: number) => `content/${f.path}:${line}`;
      const firstLine = (role: MarkedBlock['role']) => blocks.find((b) => b.role === role)?.line ?? src.bodyLine;
      steps.push({
        ...rest,
        slug,
        order,
        source: `content/${f.path}`,
        html,
        checks: checks.map((c) => ({ saysHtml: md(src, c.says, true), expect: c.expect })),
        hintsHtml: hints.map((h) => md(src, h)),
        ...(rerun ? { rerunHtml: md(src, rerun, true) } : {}),
        ...(prediction ? { prediction: buildQuizQuestion(prediction, (text, inline) => md(src, text, inline)) } : {}),
        takeawaysHtml: takeaways.map((t) => md(src, t, true)),
        starter,
        solution,
        wrong,
        valid,
        where: {
          starter: at(firstLine('starter')),
          solution: at(firstLine('solution')),
          checks: checks.map((_, i) => at(src.position(['checks', i]).line)),
        },
      });
    }
  }
  if (stepFiles.length === 0) {
    report({ file: `${folder}/steps`, line: 1, column: 1, field: '', message: 'a lesson needs at least one step file in steps/ (e.g. steps/01-first-step.md)' });
  }
  return { steps, seenSlugs };
}
