// Shapes shared by the lab worker, the engine client, the checks and the
// previews. The tracking store mirrors src/lab/python/mlflow/_store.py.

/** The learner's project as files: path relative to the project root → text. */
export type WorldFiles = Record<string, string>;

export interface TrackedExperiment {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: string;
  creation_time: number;
  tags: Record<string, string>;
}

/** [value, timestamp, step] */
export type MetricPoint = [number, number, number];

export interface TrackedRun {
  run_id: string;
  run_name: string;
  experiment_id: string;
  status: 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';
  start_time: number;
  end_time: number | null;
  lifecycle_stage: string;
  artifact_uri: string;
  params: Record<string, string>;
  metrics: Record<string, MetricPoint[]>;
  tags: Record<string, string>;
  models: string[];
}

export interface LoggedModel {
  model_id: string;
  name: string;
  experiment_id: string;
  source_run_id: string;
  creation_timestamp: number;
  flavor: string;
  model: Record<string, unknown>;
}

export interface ModelVersionRecord {
  name: string;
  version: string;
  source: string;
  model_id: string;
  run_id: string;
  creation_timestamp: number;
  status: string;
}

export interface RegisteredModelRecord {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  aliases: Record<string, string>;
  versions: Record<string, ModelVersionRecord>;
}

export interface TrackingStore {
  experiments: Record<string, TrackedExperiment>;
  runs: Record<string, TrackedRun>;
  logged_models: Record<string, LoggedModel>;
  registered_models: Record<string, RegisteredModelRecord>;
}

export interface TrainingRecord {
  learning_rate: number;
  epochs: number;
  /** [epoch, loss, accuracy] */
  history: [number, number, number][];
}

export interface DriftRecord {
  column: string | null;
  psi: number;
  bins: number;
  reference: number[];
  current: number[];
}

export interface PythonError {
  type: string;
  message: string;
  /** Python's traceback text, cut to the learner's frames. */
  traceback: string;
  /** 1-based line in the learner's file, when the error points at one. */
  line: number | null;
}

export interface HttpExchange {
  method: string;
  path: string;
  body: unknown;
  /** 0 when no server was running. */
  status: number;
  json: unknown;
}

/** The served app's OpenAPI document (FastAPI's /openapi.json). */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { summary: string; requestBody?: { content: { 'application/json': { schema: { properties: Record<string, { type: string }>; required: string[] } } } } }>>;
}

/** The lab's git repository after a run, for the repo explorer and the checks. */
export interface RepoSummary {
  branch: string;
  /** Newest first. */
  log: { oid: string; message: string; timestamp: number }[];
  /** Paths in the last commit. */
  committed: string[];
  /** Project files git ignores. */
  ignored: string[];
  /** Data files a .dvc file points at. */
  dvcTracked: string[];
}

export interface ShellLine {
  line: string;
  output: OutputChunk[];
  code: number;
}

/** What the Python runner reports after one run (lab_runner.py). */
export interface RunOutcome {
  error: PythonError | null;
  stopped: boolean;
  variables: Record<string, string | number | boolean | null>;
  training: TrainingRecord[];
  drift: DriftRecord[];
  newRuns: string[];
  newVersions: { name: string; version: string }[];
  tracking: TrackingStore;
  /** The app the run serves at localhost:8000, if it defined one. */
  server: OpenApiDoc | null;
  /** The requests the step's checks sent to that server, with their answers. */
  responses: HttpExchange[];
  /** For shell runs: the terminal transcript and the repository afterwards. */
  shell?: { transcript: ShellLine[]; repo: RepoSummary | null };
}

export interface OutputChunk {
  /** 'lab': a line the lab itself adds (e.g. how much output it left out), not the program's. */
  stream: 'stdout' | 'stderr' | 'lab';
  text: string;
}

/** A finished run as the page sees it. */
export interface RunResult {
  outcome: RunOutcome;
  output: OutputChunk[];
  /** Lines of output left out by the cap (the console shows where, with a 'lab' chunk). */
  truncatedLines: number;
  /** Bytes of output left out by the cap. */
  truncatedBytes?: number;
  durationMs: number;
  /** Why the run ended early, if it did ('refused': the engine's answer was malformed, so nothing was judged). */
  ended?: 'stopped' | 'time-limit' | 'crashed' | 'refused';
}
