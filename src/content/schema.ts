// Frontmatter schemas for lesson files. These are the source of truth for the
// content format (content/README.md documents them for instructors); the lesson
// model types are inferred from them. Every object is .strict() so a misspelt
// field is reported instead of silently ignored.
import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug such as "data-drift" (letters, digits and single dashes)');

// Which phases exist is the lesson's choice (lesson.md `phases:`); steps.ts checks a step's phase against them.
export const phaseSchema = slug.describe('the lifecycle phase this step belongs to: one of the lesson\'s phase ids');
export type Phase = string;

/** The lab's Python modules a lesson may offer (src/lab/python); `lab_runner` is always there. */
export const LAB_MODULES = ['lab', 'mlflow', 'fastapi', 'pydantic', 'uvicorn'] as const;

// A start-file glob: relative, no "..", characters a path may hold plus * and ?.
const startGlob = z
  .string()
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._\-/*?]+$/, 'a relative path or glob such as "README.md" or "data/**" (no leading "/", no "..")');

export const labSpecSchema = z
  .object({
    commit: z.string().min(1).default('Initial project skeleton').describe('the message of the start project\'s one commit'),
    committed: z
      .array(startGlob)
      .default(['README.md', '.gitignore'])
      .describe('globs of the start files in that commit; the others are present but untracked'),
    modules: z
      .array(z.enum(LAB_MODULES))
      .default([...LAB_MODULES])
      .describe('the lab\'s Python modules this lesson offers; importing another fails as in Python'),
  })
  .strict();
export type LabSpec = z.infer<typeof labSpecSchema>;

const skillWord = z.string().regex(/^[a-z][a-z0-9]*$/, 'a lowercase word such as "artificialintelligence"');

export const SERVICES = ['repo-explorer', 'training-report', 'tracking-ui', 'model-api', 'monitor', 'results'] as const;
// Each service has its view in src/preview/registry.tsx; a service added here without one fails tsc there.
export const serviceSchema = z.enum(SERVICES).describe('which simulated service the preview draws');
export type Service = z.infer<typeof serviceSchema>;

export const instructorSchema = z
  .object({
    name: z.string().min(1).describe('shown on the instructor card'),
    role: z.string().min(1).describe('one line under the name'),
    bio: z.string().min(1).optional().describe('a short paragraph (markdown)'),
  })
  .strict();

/** One fact of the recap, read from the learner's lab when the lesson is done (src/lesson/LessonRecap.tsx). */
export const recapFactSchema = z.discriminatedUnion('fact', [
  z.object({ fact: z.literal('data-commit') }).strict().describe('the branch, its commit and message, and what DVC tracks'),
  z.object({ fact: z.literal('runs') }).strict().describe('how many runs are tracked, each registered model with its versions and aliases'),
  z
    .object({
      fact: z.literal('drift'),
      above: z.number().positive().describe('a feature whose PSI is above this drifted'),
      step: slug.optional().describe('the step whose run measures drift, named when the learner must run it again'),
    })
    .strict(),
  z
    .object({
      fact: z.literal('alias'),
      alias: slug.describe('a registered model alias'),
      label: z.string().min(1).describe('the fact\'s heading, e.g. "Champion now served"'),
    })
    .strict(),
]);

export const recapSchema = z
  .object({
    title: z.string().min(1).describe('the recap\'s heading'),
    intro: z.string().min(1).describe('markdown: the sentences under the heading'),
    facts: z.array(recapFactSchema).min(1, 'at least one fact'),
  })
  .strict();

export const lessonFrontmatterSchema = z
  .object({
    id: slug.describe('the lesson id; must match its folder name'),
    title: z.string().min(1),
    summary: z.string().min(1).describe('one or two sentences under the title'),
    skill: z
      .union([skillWord, z.object({ id: skillWord, name: z.string().min(1).describe('shown in the header') }).strict()])
      .describe('the skill XP from this lesson counts towards: its id, or { id, name }'),
    instructor: instructorSchema,
    callout: z
      .object({ title: z.string().min(1), text: z.string().min(1).describe('markdown') })
      .strict()
      .describe('the highlighted note under the hero'),
    order: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('the lesson\'s place in the course, 1 first; lessons without one follow, by folder name'),
    next: z.array(slug).default([]).describe('ids of lessons to suggest afterwards'),
    minutes: z.number().int().positive().optional().describe('estimated time to finish'),
    hub: z
      .object({
        title: z.string().min(1).describe('in the middle of the loop'),
        caption: z.string().min(1).optional().describe('one short line under the title'),
        intro: z.string().min(1).optional().describe('the sentence under the hub section\'s heading'),
      })
      .strict()
      .optional(),
    phases: z
      .array(z.object({ id: slug, label: z.string().min(1) }).strict())
      .min(1, 'at least one phase')
      .describe('the lesson\'s phases, in loop order; steps name one by id (no default: they are the lesson\'s own)'),
    lab: labSpecSchema.optional().describe('the lab\'s start project (files come from the lab/ folder)'),
    recap: recapSchema.optional().describe('what the last step shows once every step is done; without one, only the summary (XP by phase, takeaways)'),
  })
  .strict();

// How a check is judged on the outcome of a run (README.md, "The learner's code really runs"). The lab that
// evaluates these lands with the engine; the kinds are fixed here so lessons
// can be validated today.
export const checkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('output-contains'), text: z.string().min(1).describe('found in what the program printed, in any letter case') }).strict(),
  z
    .object({ kind: z.literal('prints-value'), name: z.string().min(1).describe('a number variable whose value the program must print, in any usual format: 0.85, 0.850, 85%, 85.0%') })
    .strict(),
  z.object({ kind: z.literal('no-error') }).strict(),
  z.object({ kind: z.literal('file-exists'), path: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('file-matches'),
      path: z.string().min(1),
      pattern: z
        .string()
        .min(1)
        .refine((p) => {
          try {
            new RegExp(p, 'm');
            return true;
          } catch {
            return false;
          }
        }, 'a JavaScript regular expression')
        .describe('searched for in the file (multiline: ^ and $ match at each line)'),
      whole: z.boolean().optional().describe('the pattern must match the whole file (a final newline aside), not only some of its lines'),
      fix: z.string().min(1).optional().describe('what to change, shown when the file does not match'),
      mistakes: z
        .array(
          z
            .object({
              when: z
                .string()
                .min(1)
                .refine((p) => {
                  try {
                    new RegExp(p, 'm');
                    return true;
                  } catch {
                    return false;
                  }
                }, 'a JavaScript regular expression')
                .describe('searched for in a file that does not match (multiline)'),
              say: z.string().min(1).describe('what is wrong and what to change, for a file this finds'),
            })
            .strict(),
        )
        .optional()
        .describe('known mistakes, each recognised in the file: the first that matches is what the learner reads, instead of fix'),
    })
    .strict(),
  z.object({ kind: z.literal('dvc-tracked'), path: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('git-committed'),
      path: z.string().min(1),
      message: z.string().min(1).optional().describe("the message of the commit that holds the file, as the task asks for it (case and a final full stop aside)"),
    })
    .strict(),
  z.object({ kind: z.literal('git-not-committed'), path: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('variable'),
      name: z.string().regex(/^[A-Za-z_]\w*$/, 'a Python variable name'),
      atLeast: z.number().optional(),
      atMost: z.number().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('mlflow-param'), key: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('mlflow-metric'),
      key: z.string().min(1),
      minSteps: z.number().int().positive().default(1),
    })
    .strict(),
  z.object({ kind: z.literal('mlflow-model'), registeredName: z.string().min(1).optional() }).strict(),
  z
    .object({
      kind: z.literal('http'),
      method: z.enum(['GET', 'POST']),
      path: z.string().startsWith('/'),
      body: z.unknown().optional(),
      status: z.number().int(),
      jsonHas: z.string().optional(),
      fix: z.string().min(1).optional().describe('what to change, shown after the answer the app gave when it is not the one wanted'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('container'),
      publish: z
        .string()
        .regex(/^\d+:\d+$/, 'HOST:CONTAINER, as docker run -p takes it (e.g. "8000:8000")')
        .default('8000:8000')
        .describe('the ports docker run publishes (-p HOST:CONTAINER); the request goes to localhost:HOST'),
      method: z.enum(['GET', 'POST']),
      path: z.string().startsWith('/'),
      body: z.unknown().optional(),
      status: z.number().int(),
      jsonHas: z.string().optional(),
    })
    .strict()
    .describe('the project built as `docker build -t lab-check .`, run as `docker run -d -p PUBLISH lab-check`, asked one request on the host port'),
  z.object({ kind: z.literal('dockerfile'), has: z.array(z.enum(['from', 'requirements'])) }).strict(),
  z
    .object({
      kind: z.literal('retrained'),
      alias: z.string().min(1).describe('the registry alias that must point at the new version (e.g. champion)'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('assert'),
      python: z.string().min(1).describe('Python run after the program; an AssertionError fails the check with its message'),
    })
    .strict(),
]);

export const stepCheckSchema = z
  .object({
    id: slug.optional().describe('names the check for a wrong block\'s fails='),
    says: z.string().min(1).describe('the sentence the learner sees'),
    expect: checkSchema.describe('how the outcome of the run is judged'),
  })
  .strict();

/** One quiz question (quiz.md); a step's prediction has the same fields but its `id`. */
export const quizQuestionFrontmatterSchema = z
  .object({
    id: slug,
    kind: z
      .enum(['single', 'multiple', 'numeric'])
      .optional()
      .describe('inferred when left out: `answers` makes it multiple, a number `answer` numeric, else single'),
    prompt: z.string().min(1),
    options: z.array(z.string().min(1)).min(2, 'at least two options').max(6).optional(),
    answer: z
      .union([z.string().min(1), z.number()])
      .optional()
      .describe('single: the text of the correct option, exactly as in options; numeric: the number'),
    answers: z
      .array(z.string().min(1))
      .min(1, 'at least one right option')
      .optional()
      .describe('multiple: the texts of every correct option'),
    tolerance: z.number().min(0, 'a tolerance cannot be negative').optional().describe('numeric: how far (absolute) an answer may be from `answer`'),
    unit: z.string().min(1).max(12).optional().describe('numeric: shown after the input, e.g. "%" or "ms"'),
    explanation: z.string().min(1).describe('shown after answering (markdown)'),
    feedback: z
      .union([z.record(z.string(), z.string().min(1)), z.string().min(1)])
      .optional()
      .describe('choice questions: per option, why it is wrong without giving the answer away (markdown); numeric: one text for a wrong number'),
    xp: z.number().int().positive().max(200).default(20),
  })
  .strict();

export const stepFrontmatterSchema = z
  .object({
    title: z.string().min(1),
    phase: phaseSchema,
    summary: z.string().min(1).describe('one line shown in step lists'),
    preview: z
      .object({
        address: z
          .string()
          .regex(/^localhost:\d{2,5}(\/[\w\-./]*)?$/, 'an address such as "localhost:3000/ingest-and-version"'),
        service: serviceSchema,
        marks: z
          .array(
            z
              .object({
                axis: z.enum(['x', 'y']).describe('a vertical line at an x value, or a horizontal one at a y value'),
                at: z
                  .union([z.number(), z.object({ variable: z.string().regex(/^[A-Za-z_]\w*$/, 'a Python variable name') }).strict()])
                  .describe('a number, or { variable: name } for the value the learner\'s program left in that variable'),
                label: z.string().min(1).max(40),
              })
              .strict(),
          )
          .default([])
          .describe('lines drawn across the charts of a `results` preview, e.g. the chosen threshold and the target'),
      })
      .strict(),
    runtime: z.enum(['shell', 'python']),
    xp: z.number().int().positive().max(500),
    timeLimitSeconds: z.number().positive().max(120).optional(),
    checks: z.array(stepCheckSchema).min(1, 'at least one check'),
    hints: z.array(z.string().min(1)).default([]),
    rerun: z
      .string()
      .min(1)
      .optional()
      .describe(
        'markdown: what running this step again changes that later steps use (a new model version, a moved alias); only a step with it asks before a re-run, and says this',
      ),
    predict: quizQuestionFrontmatterSchema
      .omit({ id: true })
      .optional()
      .describe('a question asked before the first Run: predict what the code will do (judged like a quiz question)'),
    takeaways: z.array(z.string().min(1)).default([]).describe('markdown: the key points of the step, shown once it is complete and in the lesson summary'),
  })
  .strict();

export const quizFrontmatterSchema = z
  .object({
    questions: z.array(quizQuestionFrontmatterSchema).min(1),
  })
  .strict();

export const glossaryFrontmatterSchema = z
  .object({
    terms: z
      .array(
        z
          .object({
            id: slug,
            term: z.string().min(1),
            definition: z.string().min(1).describe('markdown'),
            code: z
              .object({
                language: z.enum(['python', 'bash', 'shell', 'yaml', 'dockerfile', 'json', 'text']),
                source: z.string().min(1),
                caption: z.string().min(1),
              })
              .strict(),
            xp: z.number().int().positive().max(100).default(5),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const faqFrontmatterSchema = z
  .object({
    items: z
      .array(z.object({ question: z.string().min(1), answer: z.string().min(1).describe('markdown') }).strict())
      .min(1),
  })
  .strict();

export const skillsFrontmatterSchema = z
  .object({
    nodes: z
      .array(
        z
          .object({
            id: slug,
            label: z.string().min(1),
            description: z.string().min(1),
            requires: z.array(slug).default([]).describe('ids of prerequisite nodes'),
            terms: z.array(slug).min(1).describe('glossary term ids to learn to unlock this node'),
            masteredBy: slug.describe('the step slug whose completion masters this node'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type StepFrontmatter = z.infer<typeof stepFrontmatterSchema>;
export type Check = z.infer<typeof checkSchema>;

// Names given with `file=` on a step's code fences become files in the lab and
// editor tabs, so they must stay inside the learner's folder: relative POSIX
// paths of plain characters, no "." or ".." parts, no empty parts.
const FILE_NAME_PART = /^[A-Za-z0-9._-]+$/;
export const FILE_NAME_RULE =
  'a relative path of letters, digits, ".", "_", "-" and "/" such as "train.py" or "src/app.py" (no leading "/", no "." or ".." parts, no empty parts)';

export function isValidCodeFileName(name: string): boolean {
  const parts = name.split('/');
  return name.length > 0 && parts.every((part) => FILE_NAME_PART.test(part) && part !== '.' && part !== '..');
}

// Lesson media must come from the site itself: the Content-Security-Policy
// (vite.config.ts) blocks other origins, and the page promises no request
// leaves it. A URL with a scheme ("https:", "data:") or a host ("//cdn…",
// which browsers also read in "/\cdn…") is not local.
export function isLocalUrl(url: string): boolean {
  const trimmed = url.trim();
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed) && !/^[\\/]{2}/.test(trimmed);
}

/** File types that a link would load as media rather than open as a page. */
export const MEDIA_EXTENSION = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|mp4|webm|ogv|mov|mp3|wav|ogg|oga|m4a|flac)$/i;
