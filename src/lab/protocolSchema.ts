// Every message from the worker is parsed here before the page acts on it, so
// a malformed one is refused with a reason instead of being trusted. Nested
// records are loose (unknown fields pass through unchecked, none is dropped),
// so a field another part of the lab adds to the outcome still arrives.
import * as z from 'zod/mini';
import type { FromWorker, WireOutcome } from './protocol';
import { emptyOutcome } from './outcome';
import type { RunOutcome, TrackingStore, WorldFiles } from './types';
import { fileText } from './worldFiles';
import { CHECKED_HEADERS } from './unprotected';

function buildTrackingSchema() {
  const str = z.string();
  const num = z.number();
  const strings = z.record(str, str);
  const experiment = z.looseObject({
    experiment_id: str,
    name: str,
    artifact_location: str,
    lifecycle_stage: str,
    creation_time: num,
    tags: strings,
  });

  const trackedRun = z.looseObject({
    run_id: str,
    run_name: str,
    experiment_id: str,
    status: z.enum(['RUNNING', 'FINISHED', 'FAILED', 'KILLED']),
    start_time: num,
    end_time: z.nullable(num),
    lifecycle_stage: str,
    artifact_uri: str,
    params: strings,
    // NaN and ±inf cross as MLflow's REST API writes them (the tracking UI decodes them).
    metrics: z.record(str, z.array(z.tuple([z.union([num, z.enum(['NaN', 'Infinity', '-Infinity'])]), num, num]))),
    tags: strings,
    models: z.array(str),
    artifacts: z.optional(z.record(str, z.looseObject({ size: num, text: z.nullable(str) }))),
  });

  const loggedModel = z.looseObject({
    model_id: str,
    name: str,
    experiment_id: str,
    source_run_id: str,
    creation_timestamp: num,
    flavor: str,
    model: z.record(str, z.unknown()),
  });

  const modelVersion = z.looseObject({ name: str, version: str, source: str, model_id: str, run_id: str, creation_timestamp: num, status: str });

  const registeredModel = z.looseObject({
    name: str,
    creation_timestamp: num,
    last_updated_timestamp: num,
    aliases: strings,
    versions: z.record(str, modelVersion),
  });

  const tracking = z.looseObject({
    experiments: z.record(str, experiment),
    runs: z.record(str, trackedRun),
    logged_models: z.record(str, loggedModel),
    registered_models: z.record(str, registeredModel),
  });
  return {
    store: tracking as unknown as z.ZodMiniType<TrackingStore>,
    run: trackedRun as unknown as z.ZodMiniType<TrackingStore['runs'][string]>,
    loggedModel: loggedModel as unknown as z.ZodMiniType<TrackingStore['logged_models'][string]>,
    meta: z.looseObject({ experiments: z.record(str, experiment), registered_models: z.record(str, registeredModel) }) as unknown as z.ZodMiniType<Pick<TrackingStore, 'experiments' | 'registered_models'>>,
  };
}

// Built on the first message, not when the page loads: building zod schemas costs the step
// page's first render a few milliseconds it does not need (issue 9 §2).
function buildSchema(): z.ZodMiniType<FromWorker> {
  const str = z.string();
  const num = z.number();
  const strings = z.record(str, str);

  const chunk = z.object({ stream: z.enum(['stdout', 'stderr', 'lab']), text: str });


  const exchange = z.looseObject({ method: str, path: str, body: z.unknown(), status: num, json: z.unknown(), headers: z.optional(strings) });

  // JSON Schema (pydantic's output) is open-ended: only its object-ness is checked here; the
  // /docs view reads it defensively (src/preview/openapi.ts).
  const jsonSchema = z.record(str, z.unknown());
  const operation = z.looseObject({
    summary: str,
    operationId: str,
    parameters: z.optional(z.array(z.looseObject({ name: str, in: z.enum(['path', 'query']), required: z.boolean(), schema: jsonSchema }))),
    requestBody: z.optional(z.looseObject({ content: z.looseObject({ 'application/json': z.looseObject({ schema: jsonSchema }) }) })),
    responses: z.record(str, z.looseObject({ description: str })),
  });
  const openApi = z.looseObject({
    openapi: str,
    info: z.looseObject({ title: str, version: str }),
    paths: z.record(str, z.record(str, operation)),
    components: z.optional(z.looseObject({ schemas: z.record(str, jsonSchema) })),
    failed: z.optional(str),
  });

  const repo = z.looseObject({
    branch: str,
    log: z.array(z.looseObject({ oid: str, message: str, timestamp: num })),
    committed: z.array(str),
    ignored: z.array(str),
    dvcTracked: z.array(str),
  });

  // lab.show_table / lab.show_chart: the lab's caps (src/lab/python/lab.py) are checked again
  // here, so a program that fills lab._shown by hand cannot make the page draw without end.
  const cell = z.union([str, num, z.boolean(), z.null()]);
  const upTo = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
  const shown = z.discriminatedUnion('type', [
    z.looseObject({
      type: z.literal('table'),
      title: str,
      columns: upTo(str, 20),
      index: z.nullable(upTo(str, 200)),
      rows: upTo(upTo(cell, 20), 200),
      totalRows: num,
    }),
    z.looseObject({
      type: z.literal('chart'),
      title: str,
      kind: z.enum(['line', 'bar']),
      x: upTo(z.union([num, str]), 1000),
      series: upTo(z.looseObject({ name: str, values: upTo(z.nullable(num), 1000) }), 8),
      xLabel: z.nullable(str),
      yLabel: z.nullable(str),
    }),
  ]);

  const outcome = z.looseObject({
    error: z.nullable(z.looseObject({ type: str, message: str, traceback: str, line: z.nullable(num) })),
    stopped: z.boolean(),
    variables: z.record(str, z.union([str, num, z.boolean(), z.null()])),
    training: z.array(z.looseObject({ learning_rate: num, epochs: num, history: z.array(z.tuple([num, num, num])) })),
    drift: z.array(z.looseObject({ column: z.nullable(str), psi: num, bins: num, reference: z.array(num), current: z.array(num) })),
    newRuns: z.array(str),
    newVersions: z.array(z.looseObject({ name: str, version: str })),
    server: z.nullable(openApi),
    responses: z.array(exchange),
    // The step's container checks: the commands the lab typed and what the container answered.
    containers: z.optional(
      z.array(
        z.looseObject({
          publish: str,
          commands: z.array(z.looseObject({ line: str, code: num, output: str })),
          exited: z.nullable(z.looseObject({ code: num, log: str, command: str })),
          exchanges: z.array(exchange),
        }),
      ),
    ),
    // The run's record for the judge (JSON it reads; the page only carries it to the judge's worker).
    record: z.optional(z.nullable(str)),
    // lab.show_table / lab.show_chart, for the results preview.
    shown: z.optional(upTo(shown, 20)),
    shell: z.optional(
      z.looseObject({
        transcript: z.array(z.looseObject({ line: str, output: z.array(chunk), code: num })),
        repo: z.nullable(repo),
      }),
    ),
  });

  const id = z.number().check(z.int());
  const count = z.number().check(z.int(), z.nonnegative());

  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('progress'), stage: str }),
    z.object({ type: z.literal('ready'), world: strings, setAside: z.optional(z.array(str)), snapshot: z.optional(z.enum(['used', 'missing', 'failed'])), unprotected: z.optional(z.array(z.enum(CHECKED_HEADERS))) }),
    z.object({ type: z.literal('warmed') }),
    z.object({ type: z.literal('output'), id, nonce: str, chunks: z.array(chunk) }),
    z.object({ type: z.literal('clock'), id, nonce: str, program: z.enum(['running', 'ended']) }),
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
    z.object({ type: z.literal('request-failed'), id, nonce: str, message: str, interrupted: z.boolean() }),
    z.object({ type: z.literal('probed'), id, nonce: str, answer: z.nullable(str), failed: z.nullable(str) }),
    z.object({ type: z.literal('fatal'), id: z.nullable(id), message: str }),
  ]);
}

let fromWorker: z.ZodMiniType<FromWorker> | undefined;
let trackingSchemas: ReturnType<typeof buildTrackingSchema> | undefined;

/** A JSON file of the store, checked against its part of the schema; null if it is not one. */
function parsed<T>(text: string | null, schema: (s: ReturnType<typeof buildTrackingSchema>) => z.ZodMiniType<T>): T | null {
  if (text === null) return null;
  trackingSchemas ??= buildTrackingSchema();
  try {
    const result = schema(trackingSchemas).safeParse(JSON.parse(text));
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
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : 'message';
  // zod/mini carries no message texts (no locale loaded): say what was expected ourselves.
  const what =
    issue?.code === 'invalid_type'
      ? `expected ${issue.expected}`
      : issue?.code === 'invalid_value'
        ? `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`
        : issue?.code === 'invalid_union'
          ? 'not any of the allowed shapes'
          : issue?.code === 'too_big'
            ? `more than ${String(issue.maximum)} items`
            : (issue?.message ?? 'invalid');
  return { ok: false, reason: `${where}: ${what}` };
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
  const rest = path.slice(TRACKING_DIR.length);
  const entry = /^(runs|models)\/(.+)\.json$/.exec(rest);
  if (rest === 'store.json') {
    const meta = parsed(text, (s) => s.meta) ?? { experiments: emptyOutcome().tracking.experiments, registered_models: {} };
    store.experiments = meta.experiments;
    store.registered_models = meta.registered_models;
  } else if (entry?.[1] === 'runs') {
    const run = parsed(text, (s) => s.run);
    if (run) store.runs[entry[2]!] = run;
    else delete store.runs[entry[2]!];
  } else if (entry?.[1] === 'models') {
    const model = parsed(text, (s) => s.loggedModel);
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
  if (!paths.length) return parsed(fileText(files?.[OLD_TRACKING_FILE]), (s) => s.store) ?? store;
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
