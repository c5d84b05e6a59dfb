// One lesson folder: lesson.md, its steps, quiz, glossary, FAQ and skill matrix
// (and the lab's start files), read into the Lesson model with the problems of each file.
import type { LinkRef, PageAnchors } from './links.ts';
import { highlightCode } from './markdown.ts';
import { lessonReader } from './lessonReader.ts';
import type { GlossaryTerm, Lesson, SkillNode } from './model.ts';
import { buildQuizQuestion, quizQuestionIssues } from './quiz.ts';
import { faqFrontmatterSchema, glossaryFrontmatterSchema, labSpecSchema, lessonFrontmatterSchema, quizFrontmatterSchema, skillsFrontmatterSchema } from './schema.ts';
import { checkSkills } from './skills.ts';
import { checkUnique, type ContentFile, type ContentIssue, type SourceFile } from './sourceFile.ts';
import { checkStartFiles } from './startFiles.ts';
import { parseSteps } from './steps.ts';

const LESSON_PARTS = ['lesson.md', 'quiz.md', 'glossary.md', 'faq.md', 'skills.md'] as const;

export function parseLesson(
  folder: string,
  files: ContentFile[],
  report: (i: ContentIssue) => void,
  warn: (i: ContentIssue) => void,
  links: LinkRef[],
  existing: ReadonlySet<string> | undefined,
  anchors: PageAnchors,
): { lesson: Lesson; lessonFile: SourceFile } | undefined {
  const find = (name: string) => files.find((f) => f.path === `${folder}/${name}`);
  const lessonSrc = find('lesson.md');
  if (!lessonSrc) {
    report({ file: `${folder}/lesson.md`, line: 1, column: 1, field: '', message: 'missing: every lesson folder needs a lesson.md' });
    return undefined;
  }
  for (const f of files) {
    const name = f.path.slice(folder.length + 1);
    if (name.startsWith('lab/')) continue; // the lab's start files, checked below
    const known = (LESSON_PARTS as readonly string[]).includes(name) || name.startsWith('steps/');
    if (!known && name.endsWith('.md')) {
      warn({ file: f.path, line: 1, column: 1, field: '', message: `not part of the lesson format and ignored (expected ${LESSON_PARTS.join(', ')} or steps/NN-slug.md)` });
    }
  }

  const reader = lessonReader(folder, report, warn, links, existing, anchors);
  const { open, renderBody, md, checkField } = reader;
  const lessonFile = open(lessonSrc);
  const meta = lessonFile.validate(lessonFrontmatterSchema);
  if (meta) {
    checkField(lessonFile, ['callout', 'text'], meta.callout.text);
    if (meta.instructor.bio) checkField(lessonFile, ['instructor', 'bio'], meta.instructor.bio);
  }
  if (meta && meta.id !== folder) {
    lessonFile.error(['id'], `must match the folder name "${folder}", got "${meta.id}"`);
  }
  // The loop's phases: always the lesson's own (lesson.md `phases:`, required).
  const phases = meta?.phases ?? [];
  if (meta) checkUnique(lessonFile, meta.phases, 'phases', (p) => p.id, 'id');
  const phaseIds = new Set(phases.map((p) => p.id));

  checkStartFiles(folder, files, lessonFile, meta, report);
  // checks.py: the helpers the lesson's assert checks share (run by the judge; the proof shows it loads).
  const helpers = find('checks.py');
  if (helpers?.problem) report({ file: helpers.path, line: 1, column: 1, field: '', message: helpers.problem.replace('put the file itself in lab/', 'put the file itself there').replace('a lab start file', 'checks.py') });

  const { steps, seenSlugs } = parseSteps(reader, files, meta ? phaseIds : undefined);

  // Quiz
  const quizSrc = find('quiz.md');
  const quizFile = quizSrc && open(quizSrc);
  const quiz = quizFile?.validate(quizFrontmatterSchema)?.questions ?? [];
  if (quizFile) {
    checkUnique(quizFile, quiz, 'questions', (q) => q.id, 'id');
    quiz.forEach((q, i) => {
      checkField(quizFile, ['questions', i, 'prompt'], q.prompt);
      q.options?.forEach((o, j) => checkField(quizFile, ['questions', i, 'options', j], o));
      checkField(quizFile, ['questions', i, 'explanation'], q.explanation);
      if (typeof q.feedback === 'string') checkField(quizFile, ['questions', i, 'feedback'], q.feedback);
      else for (const [option, text] of Object.entries(q.feedback ?? {})) checkField(quizFile, ['questions', i, 'feedback', option], text);
    });
    quiz.forEach((q, i) => {
      for (const [path, message] of quizQuestionIssues(q)) quizFile.error(['questions', i, ...path], message);
    });
  }

  // Glossary
  const glossarySrc = find('glossary.md');
  const glossaryFile = glossarySrc && open(glossarySrc);
  const terms = glossaryFile?.validate(glossaryFrontmatterSchema)?.terms ?? [];
  if (glossaryFile) {
    checkUnique(glossaryFile, terms, 'terms', (t) => t.id, 'id');
    terms.forEach((t, i) => checkField(glossaryFile, ['terms', i, 'definition'], t.definition));
  }

  // FAQ
  const faqSrc = find('faq.md');
  const faqFile = faqSrc && open(faqSrc);
  const faq = faqFile?.validate(faqFrontmatterSchema)?.items ?? [];
  if (faqFile) {
    faq.forEach((item, i) => {
      checkField(faqFile, ['items', i, 'question'], item.question);
      checkField(faqFile, ['items', i, 'answer'], item.answer);
    });
  }

  meta?.recap?.facts.forEach((f, i) => {
    if (f.fact === 'drift' && f.step !== undefined && seenSlugs.size > 0 && !seenSlugs.has(f.step)) {
      lessonFile.error(['recap', 'facts', i, 'step'], `no step has the slug "${f.step}" (steps: ${[...seenSlugs.keys()].join(', ')})`);
    }
  });
  // Skills, with references to terms, steps and each other
  const skillsSrc = find('skills.md');
  const skillsFile = skillsSrc && open(skillsSrc);
  const nodes: SkillNode[] = skillsFile?.validate(skillsFrontmatterSchema)?.nodes ?? [];
  if (skillsFile) checkSkills(skillsFile, nodes, new Set(terms.map((t) => t.id)), glossaryFile !== undefined, new Set(seenSlugs.keys()));

  if (!meta) return undefined;
  return {
    lessonFile,
    lesson: {
      id: meta.id,
      title: meta.title,
      summary: meta.summary,
      skill: typeof meta.skill === 'string' ? meta.skill : meta.skill.id,
      skillName: typeof meta.skill === 'string' ? meta.skill : meta.skill.name,
      hub: {
        title: meta.hub?.title ?? meta.title,
        ...(meta.hub?.caption ? { caption: meta.hub.caption } : {}),
        intro: meta.hub?.intro ?? 'The lesson\'s phases, one loop. Each links to its step.',
      },
      phases,
      lab: meta.lab ?? labSpecSchema.parse({}),
      ...(meta.recap ? { recap: { title: meta.recap.title, introHtml: md(lessonFile, meta.recap.intro), facts: meta.recap.facts } } : {}),
      ...(meta.minutes === undefined ? {} : { minutes: meta.minutes }),
      ...(meta.order === undefined ? {} : { order: meta.order }),
      instructor: {
        name: meta.instructor.name,
        role: meta.instructor.role,
        ...(meta.instructor.bio ? { bioHtml: md(lessonFile, meta.instructor.bio) } : {}),
      },
      callout: { title: meta.callout.title, html: md(lessonFile, meta.callout.text) },
      next: meta.next,
      introHtml: renderBody(lessonFile).html,
      steps: steps.sort((a, b) => a.order - b.order),
      quiz: quiz.map((q) => buildQuizQuestion(q, (text, inline) => md(quizFile, text, inline))),
      glossary: terms.map(
        (t): GlossaryTerm => ({
          id: t.id,
          term: t.term,
          definitionHtml: md(glossaryFile, t.definition),
          code: { ...t.code, html: highlightCode(t.code.source, t.code.language) },
          xp: t.xp,
        }),
      ),
      faq: faq.map((item) => ({ question: item.question, questionHtml: md(faqFile, item.question, true), answerHtml: md(faqFile, item.answer) })),
      skills: nodes,
    },
  };
}
