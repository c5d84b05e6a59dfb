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

/**
 * A metric value as the run's outcome carries it. MLflow stores NaN and ±infinity, but JSON
 * has neither, so those travel as the strings "NaN", "Infinity", "-Infinity" (written by
 * for_json in src/lab/python/mlflow/_store.py, read by src/preview/tracking/store.ts).
 */
export type WireMetricValue = number | 'NaN' | 'Infinity' | '-Infinity';

/** [value, timestamp, step] */
export type MetricPoint = [WireMetricValue, number, number];

/** A file logged with mlflow.log_artifact / log_text / log_dict; text when it is small UTF-8. */
export interface ArtifactRecord {
  size: number;
  text: string | null;
}

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
  /** Path under the run's artifact root → the file; absent in stores from older labs. */
  artifacts?: Record<string, ArtifactRecord>;
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

/** A request to the learner's app, sent from the page into the worker (here so the page never imports the worker's runtime for it). */
export interface HttpRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface HttpExchange {
  method: string;
  path: string;
  body: unknown;
  /** 0 when no server was running. */
  status: number;
  /** The response body: parsed when it is JSON, else its text. */
  json: unknown;
  /** Response headers, lower-case (e.g. `location` of a redirect); absent when no server answered. */
  headers?: Record<string, string>;
}

/** A step's container checks of one port mapping: the image run with `-p PUBLISH` and asked these requests on the host's port. */
export interface ContainerTrialSpec {
  publish: string;
  requests: HttpRequest[];
}

/** What a container check met (src/lab/shell/docker.ts tryContainer), as a learner typing the commands would: each command and its output, then the answers. */
export interface ContainerTrial {
  publish: string;
  commands: { line: string; code: number; output: string }[];
  /** The container ended at once (its status, log and command), or null while it serves. */
  exited: { code: number; log: string; command: string } | null;
  /** One per request (status 0 with why, when nothing answered); empty when no container was serving. */
  exchanges: HttpExchange[];
}
/** A JSON Schema as pydantic writes it into FastAPI's document (the parts the preview reads). */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  [constraint: string]: unknown;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

export interface OpenApiOperation {
  summary: string;
  operationId: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } }; required?: boolean };
  responses: Record<string, { description: string; content?: { 'application/json': { schema: JsonSchema } } }>;
}

/** The served app's OpenAPI document (FastAPI's /openapi.json). */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas: Record<string, JsonSchema> };
  /** Set when the app's /openapi.json fails (as FastAPI's would, e.g. a title that is not a string): why. */
  failed?: string;
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

/** A table cell as lab.show_table sends it (NaN and ±inf as their Python repr). */
export type ShownCell = string | number | boolean | null;

/** lab.show_table(title, rows, columns=None, index=None): at most 200 rows kept (src/lab/python/lab.py). */
export interface ShownTable {
  type: 'table';
  title: string;
  columns: string[];
  /** Row headings, when given. */
  index: string[] | null;
  rows: ShownCell[][];
  /** How many rows the program passed (more than `rows.length` when it was cut). */
  totalRows: number;
}

/** lab.show_chart(title, x, ys, kind="line"): each series as long as x; null is a gap. */
export interface ShownChart {
  type: 'chart';
  title: string;
  kind: 'line' | 'bar';
  x: (number | string)[];
  series: { name: string; values: (number | null)[] }[];
  xLabel: string | null;
  yLabel: string | null;
}

export type ShownResult = ShownTable | ShownChart;

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
  /** The step's container checks: the project's image built, run and asked (src/lab/shell/docker.ts tryContainer). */
  containers?: ContainerTrial[];
  /** The step's assert checks, judged after the program by the judge's own interpreter (lab_judge.py): null when one passed, else its message. */
  asserts?: Record<string, string | null>;
  /** Tables and charts the program showed with lab.show_table / lab.show_chart, in order (Python runs). */
  shown?: ShownResult[];
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
