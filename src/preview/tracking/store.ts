// Reading the lab's tracking store for the tracking UI. The store is the
// learner's (it persists with the project), so the UI trusts nothing in it:
// each entry is checked by the outcome's own schemas (src/lab/outcomeSchema.ts),
// a bad one is left out with a notice the page shows, and metric values come
// back as numbers (NaN and ±Infinity travel as strings: see WireMetricValue).
import type * as z from 'zod/mini';
// Of the lab's values, the tracking UI takes only the run outcome's schema (lint holds it to that).
import { outcomeSchemas } from '../../lab';
import type { ArtifactRecord, LoggedModel, RegisteredModelRecord, TrackedExperiment, TrackedRun } from '../../lab';

/** [value, timestamp, step], the value a number again (NaN and ±Infinity included). */
export type Point = [number, number, number];

export interface UiRun extends Omit<TrackedRun, 'metrics' | 'artifacts'> {
  metrics: Record<string, Point[]>;
  artifacts: Record<string, ArtifactRecord>;
}

export type UiRegisteredModel = RegisteredModelRecord;

export interface UiStore {
  experiments: Record<string, TrackedExperiment>;
  runs: Record<string, UiRun>;
  logged_models: Record<string, LoggedModel>;
  registered_models: Record<string, UiRegisteredModel>;
}

export interface ReadStore {
  store: UiStore;
  /** One sentence per entry left out, for the page to show. */
  notices: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** A short, safe label for a store key in a notice. */
const label = (key: string) => (key.length > 12 ? `${key.slice(0, 8)}…` : key);

/** A metric value from the wire: a number, or "NaN" / "Infinity" / "-Infinity". */
export function metricValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v in NON_FINITE) return NON_FINITE[v];
  return undefined;
}

// The run's schema checks each history is a list, not each point (issue 22): the points are
// checked here, where they are decoded anyway, so one bad metric leaves out only itself.
function readPoints(v: readonly unknown[]): Point[] | undefined {
  const points: Point[] = [];
  for (const p of v) {
    if (!Array.isArray(p) || p.length < 3) return undefined;
    const value = metricValue(p[0]);
    if (value === undefined || typeof p[1] !== 'number' || typeof p[2] !== 'number') return undefined;
    points.push([value, p[1], p[2]]);
  }
  return points;
}

function uiRun(run: TrackedRun, notices: string[]): UiRun {
  const metrics: Record<string, Point[]> = {};
  for (const [key, history] of Object.entries(run.metrics)) {
    const points = readPoints(history);
    if (points) metrics[key] = points;
    else notices.push(`Run ${run.run_name}: metric "${key}" was left out — its values are not numbers.`);
  }
  return { ...run, metrics, artifacts: run.artifacts ?? {} };
}

/** A version carries its model's name; an alias that names no version is left out. */
function uiRegisteredModel(model: RegisteredModelRecord): UiRegisteredModel {
  const versions = Object.fromEntries(Object.entries(model.versions).map(([key, v]) => [key, { ...v, name: model.name }]));
  const aliases = Object.fromEntries(Object.entries(model.aliases).filter(([, version]) => version in versions));
  return { ...model, aliases, versions };
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', object: 'a record', array: 'a list', boolean: 'true or false' };

/** What is wrong with an entry, for the learner: "its run name is not text". */
function inWords(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'it could not be read';
  const [field, ...rest] = issue.path.map(String);
  const where = field === undefined ? 'it' : `its ${field.replaceAll('_', ' ')}${rest.map((p) => ` "${p}"`).join('')}`;
  if (issue.code === 'invalid_type') return `${where} is ${issue.input === undefined ? 'missing' : `not ${TYPE_WORDS[issue.expected] ?? issue.expected}`}`;
  if (issue.code === 'invalid_value') return `${where} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where} is not valid`;
}

/** Each entry of a section checked by its schema (outcomeSchema.ts); one that fails is left out with a notice. */
function readSection<T, U>(raw: Obj, section: string, what: string, schema: z.ZodMiniType<T>, notices: string[], shape: (entry: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  const entries = raw[section];
  if (entries === undefined) return out;
  if (!isObj(entries)) {
    notices.push(`The store's ${section} could not be read and were left out.`);
    return out;
  }
  for (const [key, value] of Object.entries(entries)) {
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) out[key] = shape(parsed.data);
    else notices.push(`${what} ${label(key)} was left out: ${inWords(parsed.error.issues[0])}.`);
  }
  return out;
}

/** The store as the UI draws it, with a notice for every entry it had to leave out. */
export function readTrackingStore(raw: unknown): ReadStore {
  const notices: string[] = [];
  if (!isObj(raw)) {
    return { store: { experiments: {}, runs: {}, logged_models: {}, registered_models: {} }, notices: ['The tracking store could not be read, so nothing is shown.'] };
  }
  const schemas = outcomeSchemas();
  const store: UiStore = {
    experiments: readSection(raw, 'experiments', 'Experiment', schemas.experiment, notices, (e) => e),
    runs: readSection(raw, 'runs', 'Run', schemas.trackedRun, notices, (r) => uiRun(r, notices)),
    logged_models: readSection(raw, 'logged_models', 'Logged model', schemas.loggedModel, notices, (m) => m),
    registered_models: readSection(raw, 'registered_models', 'Registered model', schemas.registeredModel, notices, uiRegisteredModel),
  };
  return { store, notices };
}
