// Every message from the worker is parsed here before the page acts on it, so
// a malformed one is refused with a reason instead of being trusted. The run's
// outcome is checked by its one schema (outcomeSchema.ts), which its type comes from.
import * as z from 'zod/mini';
import { emptyOutcome } from './outcome';
import { describeIssue, outcomeSchemas, type RunOutcome, type TrackingStore, type WireOutcome } from './outcomeSchema';
import type { WorldFiles } from './types';
import { fileText } from './worldFiles';
import { CHECKED_HEADERS } from './unprotected';

// Built on the first message, not when the page loads: building zod schemas costs the step
// page's first render a few milliseconds it does not need (issue 9 §2).
function buildSchema() {
  const str = z.string();
  const strings = z.record(str, str);

  const { chunk, exchange, wireOutcome: outcome } = outcomeSchemas();

  const id = z.number().check(z.int());
  const count = z.number().check(z.int(), z.nonnegative());

  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('progress'), stage: str }),
    z.object({
      type: z.literal('ready'),
      world: strings,
      /** Why the saved world could not be laid out (the start project was used instead). */
      setAside: z.optional(z.array(str)),
      /** Python was restored from the offered memory snapshot ('used'); none was offered for this build ('missing'); the offered one failed and is to be forgotten ('failed'). */
      snapshot: z.optional(z.enum(['used', 'missing', 'failed'])),
      /** Headers the host did not send (src/lab/worker/selfCheck.ts), for a notice. */
      unprotected: z.optional(z.array(z.enum(CHECKED_HEADERS))),
    }),
    /** The interpreter's warm-up after ready has ended (worker.ts): runs from here on run at full speed. */
    z.object({ type: z.literal('warmed') }),
    z.object({ type: z.literal('output'), id, nonce: str, chunks: z.array(chunk) }),
    /** The learner's program (not the lab's work around it) started or ended: the time limit counts only it. */
    z.object({ type: z.literal('clock'), id, nonce: str, program: z.enum(['running', 'ended']) }),
    /** `chunks`: the run's output not yet streamed, so the page draws the end of a run once, with its result. `changes`: the files the run changed or made, and the ones it removed (never the whole project). */
    z.object({
      type: z.literal('result'),
      id,
      nonce: str,
      outcome,
      changes: z.object({ files: strings, removed: z.array(str) }),
      chunks: z.array(chunk),
      truncatedLines: count,
      truncatedBytes: count,
    }),
    z.object({ type: z.literal('response'), id, nonce: str, exchange, log: z.array(chunk) }),
    /** A request the served app did not answer: `interrupted` when the engine's interrupt stopped it. */
    z.object({ type: z.literal('request-failed'), id, nonce: str, message: str, interrupted: z.boolean() }),
    /** The lab's answer to the judge's call, as JSON for the judge (`failed`: the lab could not answer, why). */
    z.object({ type: z.literal('probed'), id, nonce: str, answer: z.nullable(str), failed: z.nullable(str) }),
    z.object({ type: z.literal('fatal'), id: z.nullable(id), message: str }),
  ]);
}

/** A message from the worker to the page. */
export type FromWorker = z.output<ReturnType<typeof buildSchema>>;

let fromWorker: ReturnType<typeof buildSchema> | undefined;

/** A JSON file of the store, checked against its part of the schema; null if it is not one. */
function parsed<T>(text: string | null, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | null {
  if (text === null) return null;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** The message, or why it was refused (the first problem, with where it is). */
export function parseFromWorker(data: unknown): { ok: true; message: FromWorker } | { ok: false; reason: string } {
  fromWorker ??= buildSchema();
  const parsed = fromWorker.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, reason: describeIssue(parsed.error.issues) };
}

/**
 * Where the lab keeps its tracking store in the project (src/lab/python/mlflow/_store.py): a
 * folder with `store.json` (experiments, registry), `runs/<run_id>.json` and
 * `models/<model_id>.json`. An older lab kept it whole in `.lab/tracking.json`.
 */
export const TRACKING_DIR = '.lab/tracking/';
const OLD_TRACKING_FILE = '.lab/tracking.json';
const isTrackingFile = (path: string) => path.startsWith(TRACKING_DIR) || path === OLD_TRACKING_FILE;

/** One file of the store into `store` (null: the file is gone); false if it is not one of the store's files. */
function readInto(store: TrackingStore, path: string, text: string | null): boolean {
  const schemas = outcomeSchemas();
  const rest = path.slice(TRACKING_DIR.length);
  const entry = /^(runs|models)\/(.+)\.json$/.exec(rest);
  if (rest === 'store.json') {
    const meta = parsed(text, schemas.trackingMeta) ?? { experiments: emptyOutcome().tracking.experiments, registered_models: {} };
    store.experiments = meta.experiments;
    store.registered_models = meta.registered_models;
  } else if (entry?.[1] === 'runs') {
    const run = parsed(text, schemas.trackedRun);
    if (run) store.runs[entry[2]!] = run;
    else delete store.runs[entry[2]!];
  } else if (entry?.[1] === 'models') {
    const model = parsed(text, schemas.loggedModel);
    if (model) store.logged_models[entry[2]!] = model;
    else delete store.logged_models[entry[2]!];
  } else return false;
  return true;
}

/** The store's files as they are, unchecked (for a reader that checks each part itself, e.g. the recap); null when the project has none. */
export function rawTrackingOfFiles(files: WorldFiles): Record<string, unknown> | null {
  const json = (text: string | null): unknown => {
    try {
      return text === null ? null : JSON.parse(text);
    } catch {
      return null;
    }
  };
  const paths = Object.keys(files).filter((p) => p.startsWith(TRACKING_DIR));
  if (!paths.length) return (json(fileText(files[OLD_TRACKING_FILE])) as Record<string, unknown> | null) ?? null;
  const meta = json(fileText(files[`${TRACKING_DIR}store.json`]));
  const raw: Record<string, unknown> = { ...(meta && typeof meta === 'object' ? meta : {}) };
  for (const [section, folder] of [['runs', 'runs/'], ['logged_models', 'models/']] as const) {
    raw[section] = Object.fromEntries(paths.filter((p) => p.startsWith(`${TRACKING_DIR}${folder}`) && p.endsWith('.json')).map((p) => [p.slice(TRACKING_DIR.length + folder.length, -5), json(fileText(files[p]))]));
  }
  return raw;
}

/** The tracking store as the project's files hold it (each file checked; one that is not the store's is left out). */
export function trackingOfFiles(files: WorldFiles | null): TrackingStore {
  const store: TrackingStore = { ...emptyOutcome().tracking, runs: {}, logged_models: {} };
  const paths = Object.keys(files ?? {}).filter((p) => p.startsWith(TRACKING_DIR));
  if (!paths.length) return parsed(fileText(files?.[OLD_TRACKING_FILE]), outcomeSchemas().tracking) ?? store;
  for (const path of paths) readInto(store, path, fileText(files![path]));
  return store;
}

/**
 * A run's outcome with its tracking store: the one the page has (`known`) with the store's files
 * the run changed read again — only those, so a Run that logs one run reads one file however
 * many the project holds — or, when the page has none, the store the project's files hold.
 */
export function withTracking(outcome: WireOutcome, known: TrackingStore | null, files: WorldFiles | null, changes: { files: WorldFiles; removed: string[] }): RunOutcome {
  // The record is the judge's, not the page's: it goes no further than the judgement.
  const { record: _record, ...rest } = outcome;
  const touched = [...Object.keys(changes.files), ...changes.removed].filter(isTrackingFile);
  if (!known || touched.includes(OLD_TRACKING_FILE)) return { ...rest, tracking: trackingOfFiles(files) };
  if (!touched.length) return { ...rest, tracking: known };
  // A new store object (the previews redraw on it), sharing every entry the run did not change.
  const tracking: TrackingStore = { ...known, runs: { ...known.runs }, logged_models: { ...known.logged_models } };
  for (const path of touched) readInto(tracking, path, path in changes.files ? fileText(changes.files[path]) : null);
  return { ...rest, tracking };
}
