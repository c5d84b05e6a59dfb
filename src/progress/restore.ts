// Every read of saved progress — localStorage at start-up and imported files —
// goes through here: unknown shapes are refused, damaged entries
// are dropped one by one, and the caller learns what was lost.
import * as z from 'zod/mini';

export const PROGRESS_VERSION = 3;
export const EXPORT_APP = 'lifecycle-lab';

/** Keys that would change an object's prototype if assigned; never read from saved data. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How deep saved data may nest. Progress is at most six levels deep (a section,
 * an entry, a quiz record's tries, a multiple-choice try's options); a file far
 * deeper is no progress, and copying it must not exhaust the stack.
 */
export const MAX_DEPTH = 32;

export type Stripped = { ok: true; value: unknown; unsafe: number } | { ok: false; reason: string };

/**
 * A deep copy without `__proto__`/`constructor`/`prototype` keys, and how many
 * were dropped. JSON.parse makes them own properties, but copying them with
 * `obj[key] = …` or a spread would swap the copy's prototype. Iterative, with a
 * depth limit: data nested deeper than MAX_DEPTH is refused, whole.
 */
export function stripUnsafeKeys(value: unknown): Stripped {
  const copyOf = (v: unknown): unknown => (Array.isArray(v) ? [] : v !== null && typeof v === 'object' ? {} : v);
  const root = copyOf(value);
  let unsafe = 0;
  const pending: [source: object, target: Record<string, unknown>, depth: number][] = [];
  if (root !== value) pending.push([value as object, root as Record<string, unknown>, 1]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [source, target, depth] = next;
    if (depth > MAX_DEPTH) return { ok: false, reason: `it is nested more than ${MAX_DEPTH} levels deep, deeper than any progress Lifecycle Lab writes` };
    for (const key of Object.keys(source)) {
      if (!Array.isArray(source) && UNSAFE_KEYS.has(key)) {
        unsafe++;
        continue;
      }
      const child = (source as Record<string, unknown>)[key];
      const copy = copyOf(child);
      target[key] = copy;
      if (copy !== child) pending.push([child as object, copy as Record<string, unknown>, depth + 1]);
    }
  }
  return { ok: true, value: root, unsafe };
}

// The schemas are built on the first restore, not when the entry evaluates:
// building them is most of zod's start-up cost, and a first visit has nothing
// to restore (issue 9: the entry's evaluation is on every page's first paint).
function buildEntrySchemas() {
  const awardSchema = z.object({
    xp: z.int().check(z.minimum(0), z.maximum(10_000)),
    skill: z.string().check(z.minLength(1)),
    /** Epoch milliseconds when it was earned. */
    at: z.number(),
  });
  const quizSchema = z.object({
    /** Every try, in order: an option's text (single choice), the options chosen (multiple), a number (numeric). */
    answers: z.array(z.union([z.string(), z.array(z.string()), z.number()])),
    correct: z.boolean(),
    /** The answer was shown ("Show answer", or too many wrong tries) before a right one: it earns nothing. */
    revealed: z.optional(z.boolean()),
  });
  const timeSchema = z.number();
  /** A missed question or prediction in the review queue (issue 23): when it was missed, and every review try since. */
  const reviewSchema = z.object({
    since: z.number(),
    attempts: z.array(z.object({ at: z.number(), right: z.boolean() })),
  });
  /** What one entry of each saved section must be; the saved-progress types below are inferred from these. */
  return {
    awards: awardSchema,
    quiz: quizSchema,
    learned: timeSchema,
    /** When a term was last un-learned: another tab's older "learned" must not bring it back (merge.ts). */
    unlearned: timeSchema,
    completedSteps: timeSchema,
    /** When "Use the solution" was pressed on a step not yet completed: its completion earns less (xp.ts). */
    solutionUsed: timeSchema,
    drafts: z.record(z.string(), z.string()),
    /** When each draft file was last saved or cleared (a time without a draft = cleared), for merging tabs. */
    draftsAt: z.record(z.string(), z.number()),
    reviews: reviewSchema,
  } as const;
}
type EntrySchemas = ReturnType<typeof buildEntrySchemas>;
let entrySchemas: EntrySchemas | undefined;

/** One XP award in the ledger (xp.ts). */
export type Award = z.infer<EntrySchemas['awards']>;
/** Awards keyed by a unique id, so the same thing awarded twice counts once. */
export type Ledger = Record<string, Award>;
export type QuizRecord = z.infer<EntrySchemas['quiz']>;
export type ReviewRecord = z.infer<EntrySchemas['reviews']>;

/** The facts we persist, each a record of entries keyed by id; everything else is derived. */
export type ProgressFacts = { [K in keyof EntrySchemas]: Record<string, z.infer<EntrySchemas[K]>> };

export const emptyFacts = (): ProgressFacts => ({
  awards: {},
  quiz: {},
  learned: {},
  unlearned: {},
  completedSteps: {},
  solutionUsed: {},
  drafts: {},
  draftsAt: {},
  reviews: {},
});

export type RestoreResult =
  /** `unsafe`: `__proto__`/`constructor`/`prototype` keys dropped. */
  | { ok: true; facts: ProgressFacts; dropped: number; unsafe: number }
  /** `newer`: written by a newer version of the app, so never to be overwritten unasked (store.ts). */
  | { ok: false; reason: string; newer?: true };

/**
 * Repair a state object of the current version. Entries that do not fit are
 * dropped (and counted); a value that is not our shape at all is refused.
 */
export function restoreFacts(raw: unknown): RestoreResult {
  const stripped = stripUnsafeKeys(raw);
  if (!stripped.ok) return { ok: false, reason: stripped.reason };
  const { value, unsafe } = stripped;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'the saved progress is not an object' };
  }
  const input = value as Record<string, unknown>;
  const schemas = (entrySchemas ??= buildEntrySchemas());
  const known = Object.keys(schemas);
  if (!known.some((k) => k in input)) {
    return { ok: false, reason: 'the saved data is not Lifecycle Lab progress' };
  }
  const facts = emptyFacts();
  let dropped = 0;
  for (const key of known as (keyof ProgressFacts)[]) {
    const section = input[key];
    if (section === undefined) continue;
    if (section === null || typeof section !== 'object' || Array.isArray(section)) {
      dropped++;
      continue;
    }
    const schema = schemas[key];
    const target = facts[key] as Record<string, unknown>;
    for (const [id, entry] of Object.entries(section)) {
      const parsed = schema.safeParse(entry);
      if (parsed.success) target[id] = parsed.data;
      else dropped++;
    }
  }
  return { ok: true, facts, dropped, unsafe };
}

/**
 * Older versions are brought forward one step at a time; each step has a test.
 * Version 2 lets a quiz try be a list of options (multiple choice) or a number
 * (numeric): every version 1 record (tries are option texts) is already a
 * version 2 record, so the step only re-labels it. The version still changed so
 * that an older app refuses a newer save instead of dropping its new tries as damaged.
 * Version 3 adds the review queue's facts (`reviews`): a version 2 save has none,
 * so its questions missed before are due for review at once (since 0).
 */
const MIGRATIONS: Record<number, (state: unknown) => unknown> = {
  1: (state) => state,
  2: (state) => (state !== null && typeof state === 'object' && !Array.isArray(state) ? { ...state, reviews: {} } : state),
};

export function migrateFacts(state: unknown, fromVersion: number): RestoreResult {
  if (!Number.isInteger(fromVersion) || fromVersion < 0) {
    return { ok: false, reason: `the saved progress has an unreadable version (${String(fromVersion)})` };
  }
  if (fromVersion > PROGRESS_VERSION) {
    return {
      ok: false,
      reason: `the saved progress comes from a newer version of Lifecycle Lab (format ${fromVersion}, this app reads ${PROGRESS_VERSION})`,
      newer: true,
    };
  }
  let current = state;
  for (let v = fromVersion; v < PROGRESS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: `saved progress in format ${v} cannot be upgraded` };
    current = step(current);
  }
  return restoreFacts(current);
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

export type PersistedResult = (RestoreResult & { ok: false }) | (RestoreResult & { ok: true; epoch: number });

/**
 * What the store writes: `{ state, version, epoch }` (the first two as zustand's
 * persist wrote them). `epoch` is when progress was last reset or imported:
 * facts of an older epoch are not merged back in (store.ts).
 */
export function readPersisted(raw: string): PersistedResult {
  const parsed = parseJson(raw);
  if (parsed === INVALID) return { ok: false, reason: 'the saved progress is not valid JSON' };
  if (parsed === null || typeof parsed !== 'object' || !('state' in parsed)) {
    return { ok: false, reason: 'the saved data is not Lifecycle Lab progress' };
  }
  const { state, version, epoch } = parsed as { state: unknown; version?: unknown; epoch?: unknown };
  const result = migrateFacts(state, typeof version === 'number' ? version : 0);
  return result.ok ? { ...result, epoch: typeof epoch === 'number' && Number.isFinite(epoch) ? epoch : 0 } : result;
}

export interface ProgressExport {
  app: typeof EXPORT_APP;
  version: number;
  exportedAt: string;
  progress: ProgressFacts;
}

export function toExport(facts: ProgressFacts, now = new Date()): ProgressExport {
  return { app: EXPORT_APP, version: PROGRESS_VERSION, exportedAt: now.toISOString(), progress: facts };
}

/** Read an exported progress file; refuse anything that is not one. */
export function readExport(text: string): RestoreResult {
  const parsed = parseJson(text);
  if (parsed === INVALID) return { ok: false, reason: 'this file is not JSON' };
  if (parsed === null || typeof parsed !== 'object' || (parsed as { app?: unknown }).app !== EXPORT_APP) {
    return { ok: false, reason: 'this file is not a Lifecycle Lab progress export' };
  }
  const { version, progress } = parsed as { version?: unknown; progress?: unknown };
  if (typeof version !== 'number') return { ok: false, reason: 'this export has no format version' };
  return migrateFacts(progress, version);
}
