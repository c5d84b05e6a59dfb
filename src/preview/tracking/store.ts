// Reading the lab's tracking store for the tracking UI. The store is the
// learner's (it persists with the project), so the UI trusts nothing in it:
// each entry is checked, a bad one is left out with a notice the page shows,
// and metric values come back as numbers (NaN and ±Infinity travel as strings:
// see WireMetricValue in src/lab/types.ts).
import type { ArtifactRecord, LoggedModel, ModelVersionRecord, TrackedExperiment, TrackedRun } from '../../lab/types';

/** [value, timestamp, step], the value a number again (NaN and ±Infinity included). */
export type Point = [number, number, number];

export interface UiRun extends Omit<TrackedRun, 'metrics' | 'artifacts'> {
  metrics: Record<string, Point[]>;
  artifacts: Record<string, ArtifactRecord>;
}

export interface UiRegisteredModel {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  aliases: Record<string, string>;
  versions: Record<string, ModelVersionRecord>;
}

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
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number';
const STATUSES = new Set(['RUNNING', 'FINISHED', 'FAILED', 'KILLED', 'SCHEDULED']);
const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** A short, safe label for a store key in a notice. */
const label = (key: string) => (key.length > 12 ? `${key.slice(0, 8)}…` : key);

/** Only the string → string entries of a record (tags, params, aliases). */
function strings(v: unknown): Record<string, string> {
  if (!isObj(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => isStr(e[1])));
}

/** A metric value from the wire: a number, or "NaN" / "Infinity" / "-Infinity". */
export function metricValue(v: unknown): number | undefined {
  if (isNum(v)) return v;
  if (isStr(v) && v in NON_FINITE) return NON_FINITE[v];
  return undefined;
}

function readPoints(v: unknown): Point[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const points: Point[] = [];
  for (const p of v) {
    if (!Array.isArray(p) || p.length < 3) return undefined;
    const value = metricValue(p[0]);
    if (value === undefined || !isNum(p[1]) || !isNum(p[2])) return undefined;
    points.push([value, p[1], p[2]]);
  }
  return points;
}

function readExperiment(v: unknown): TrackedExperiment | string {
  if (!isObj(v)) return 'it is not an experiment record';
  if (!isStr(v.name)) return 'its name is not text';
  if (!isStr(v.experiment_id)) return 'its id is not text';
  return {
    experiment_id: v.experiment_id,
    name: v.name,
    artifact_location: isStr(v.artifact_location) ? v.artifact_location : '',
    lifecycle_stage: isStr(v.lifecycle_stage) ? v.lifecycle_stage : 'active',
    creation_time: isNum(v.creation_time) ? v.creation_time : 0,
    tags: strings(v.tags),
  };
}

function readRun(v: unknown, notices: string[]): UiRun | string {
  if (!isObj(v)) return 'it is not a run record';
  if (!isStr(v.run_id)) return 'its run id is not text';
  if (!isStr(v.run_name)) return 'its run name is not text';
  if (!isStr(v.experiment_id)) return 'its experiment id is not text';
  if (!isStr(v.status) || !STATUSES.has(v.status)) return 'its status is not one MLflow has';
  if (!isNum(v.start_time)) return 'its start time is not a number';
  const metrics: Record<string, Point[]> = {};
  for (const [key, history] of Object.entries(isObj(v.metrics) ? v.metrics : {})) {
    const points = readPoints(history);
    if (points) metrics[key] = points;
    else notices.push(`Run ${v.run_name}: metric "${key}" was left out — its values are not numbers.`);
  }
  const artifacts: Record<string, ArtifactRecord> = {};
  for (const [path, a] of Object.entries(isObj(v.artifacts) ? v.artifacts : {})) {
    if (isObj(a) && isNum(a.size)) artifacts[path] = { size: a.size, text: isStr(a.text) ? a.text : null };
  }
  return {
    run_id: v.run_id,
    run_name: v.run_name,
    experiment_id: v.experiment_id,
    status: v.status as TrackedRun['status'],
    start_time: v.start_time,
    end_time: isNum(v.end_time) ? v.end_time : null,
    lifecycle_stage: isStr(v.lifecycle_stage) ? v.lifecycle_stage : 'active',
    artifact_uri: isStr(v.artifact_uri) ? v.artifact_uri : '',
    params: strings(v.params),
    metrics,
    tags: strings(v.tags),
    models: Array.isArray(v.models) ? v.models.filter(isStr) : [],
    artifacts,
  };
}

function readLoggedModel(v: unknown): LoggedModel | string {
  if (!isObj(v)) return 'it is not a model record';
  if (!isStr(v.model_id)) return 'its id is not text';
  if (!isStr(v.name)) return 'its name is not text';
  return {
    model_id: v.model_id,
    name: v.name,
    experiment_id: isStr(v.experiment_id) ? v.experiment_id : '',
    source_run_id: isStr(v.source_run_id) ? v.source_run_id : '',
    creation_timestamp: isNum(v.creation_timestamp) ? v.creation_timestamp : 0,
    flavor: isStr(v.flavor) ? v.flavor : '',
    model: isObj(v.model) ? v.model : {},
  };
}

function readRegisteredModel(v: unknown): UiRegisteredModel | string {
  if (!isObj(v)) return 'it is not a registered model record';
  if (!isStr(v.name)) return 'its name is not text';
  if (!isObj(v.versions)) return 'it has no versions';
  const versions: Record<string, ModelVersionRecord> = {};
  for (const [key, mv] of Object.entries(v.versions)) {
    if (isObj(mv) && isStr(mv.version) && isStr(mv.run_id) && isStr(mv.model_id) && isNum(mv.creation_timestamp)) {
      versions[key] = {
        name: v.name,
        version: mv.version,
        source: isStr(mv.source) ? mv.source : '',
        model_id: mv.model_id,
        run_id: mv.run_id,
        creation_timestamp: mv.creation_timestamp,
        status: isStr(mv.status) ? mv.status : 'READY',
      };
    }
  }
  const aliases = Object.fromEntries(Object.entries(strings(v.aliases)).filter(([, version]) => version in versions));
  return {
    name: v.name,
    creation_timestamp: isNum(v.creation_timestamp) ? v.creation_timestamp : 0,
    last_updated_timestamp: isNum(v.last_updated_timestamp) ? v.last_updated_timestamp : 0,
    aliases,
    versions,
  };
}

function readSection<T>(raw: Obj, section: string, what: string, read: (v: unknown) => T | string, notices: string[]): Record<string, T> {
  const out: Record<string, T> = {};
  const entries = raw[section];
  if (entries === undefined) return out;
  if (!isObj(entries)) {
    notices.push(`The store's ${section} could not be read and were left out.`);
    return out;
  }
  for (const [key, value] of Object.entries(entries)) {
    const read_ = read(value);
    if (typeof read_ === 'string') notices.push(`${what} ${label(key)} was left out: ${read_}.`);
    else out[key] = read_;
  }
  return out;
}

/** The store as the UI draws it, with a notice for every entry it had to leave out. */
export function readTrackingStore(raw: unknown): ReadStore {
  const notices: string[] = [];
  if (!isObj(raw)) {
    return { store: { experiments: {}, runs: {}, logged_models: {}, registered_models: {} }, notices: ['The tracking store could not be read, so nothing is shown.'] };
  }
  const store: UiStore = {
    experiments: readSection(raw, 'experiments', 'Experiment', readExperiment, notices),
    runs: readSection(raw, 'runs', 'Run', (v) => readRun(v, notices), notices),
    logged_models: readSection(raw, 'logged_models', 'Logged model', readLoggedModel, notices),
    registered_models: readSection(raw, 'registered_models', 'Registered model', readRegisteredModel, notices),
  };
  return { store, notices };
}
