// The one definition of what a run reports: the zod schemas the page checks the worker's
// messages with (protocolSchema.ts) and the tracking UI reads the store with
// (src/preview/tracking/store.ts), and the types everyone else uses, inferred from them.
// The schemas are built on first use, not when the page loads: building them costs the step
// page's first render a few milliseconds it does not need (issue 9 §2).
import * as z from 'zod/mini';

/**
 * A metric value as the run's outcome carries it. MLflow stores NaN and ±infinity, but JSON
 * has neither, so those travel as the strings "NaN", "Infinity", "-Infinity" (written by
 * for_json in src/lab/python/mlflow/_store.py, decoded by src/preview/tracking/store.ts).
 */
export type WireMetricValue = number | 'NaN' | 'Infinity' | '-Infinity';

/** [value, timestamp, step] */
export type MetricPoint = [WireMetricValue, number, number];

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

/**
 * The served app's OpenAPI document (FastAPI's /openapi.json). Open-ended, as pydantic's JSON
 * Schema is: its schema below checks the frame and lets the rest through, and the /docs view
 * reads it defensively (src/preview/openapi.ts), so its type is written out here.
 */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas: Record<string, JsonSchema> };
  /** Set when the app's /openapi.json fails (as FastAPI's would, e.g. a title that is not a string): why. */
  failed?: string;
}

function build() {
  const str = z.string();
  const num = z.number();
  const strings = z.record(str, str);
  /** A field older labs' stores may lack: the value MLflow would show for it. */
  const or = <T extends z.ZodMiniType>(schema: T, fallback: z.output<T>) => z._default(schema, fallback as never);

  // Where the tracking store came from: mirrors src/lab/python/mlflow/_store.py.
  const experiment = z.object({
    experiment_id: str,
    name: str,
    artifact_location: or(str, ''),
    lifecycle_stage: or(str, 'active'),
    creation_time: or(num, 0),
    tags: or(strings, {}),
  });

  const trackedRun = z.object({
    run_id: str,
    run_name: str,
    experiment_id: str,
    status: z.enum(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']),
    start_time: num,
    end_time: or(z.nullable(num), null),
    lifecycle_stage: or(str, 'active'),
    artifact_uri: or(str, ''),
    params: or(strings, {}),
    // Each history is checked to be a list, not point by point: at thousands of logged points
    // that walk would cost every Run (issue 22). Whoever reads the values decodes them and
    // copes with a bad one (the tracking UI leaves that metric out; checks count steps).
    metrics: or(z.record(str, z.custom<MetricPoint[]>(Array.isArray, 'expected a list of points')), {}),
    tags: or(strings, {}),
    models: or(z.array(str), []),
    /** Path under the run's artifact root → the file (text when it is small UTF-8); absent in stores from older labs. */
    artifacts: z.optional(z.record(str, z.object({ size: num, text: z.nullable(str) }))),
  });

  const loggedModel = z.object({
    model_id: str,
    name: str,
    experiment_id: or(str, ''),
    source_run_id: or(str, ''),
    creation_timestamp: or(num, 0),
    flavor: or(str, ''),
    model: or(z.record(str, z.unknown()), {}),
  });

  const modelVersion = z.object({
    name: or(str, ''),
    version: str,
    source: or(str, ''),
    model_id: str,
    run_id: str,
    creation_timestamp: num,
    status: or(str, 'READY'),
  });

  const registeredModel = z.object({
    name: str,
    creation_timestamp: or(num, 0),
    last_updated_timestamp: or(num, 0),
    aliases: or(strings, {}),
    versions: z.record(str, modelVersion),
  });

  const tracking = z.object({
    experiments: z.record(str, experiment),
    runs: z.record(str, trackedRun),
    logged_models: z.record(str, loggedModel),
    registered_models: z.record(str, registeredModel),
  });

  const chunk = z.object({
    /** 'lab': a line the lab itself adds (e.g. how much output it left out), not the program's. */
    stream: z.enum(['stdout', 'stderr', 'lab']),
    text: str,
  });

  const exchange = z.object({
    method: str,
    path: str,
    body: z.unknown(),
    /** 0 when no server was running. */
    status: num,
    /** The response body: parsed when it is JSON, else its text. */
    json: z.unknown(),
    /** Response headers, lower-case (e.g. `location` of a redirect); absent when no server answered. */
    headers: z.optional(strings),
  });

  // Only the document's frame is checked (see OpenApiDoc); unknown fields pass through.
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
  }) as unknown as z.ZodMiniType<OpenApiDoc>;

  /** The lab's git repository after a run, for the repo explorer and the checks. */
  const repo = z.object({
    branch: str,
    /** Newest first. */
    log: z.array(z.object({ oid: str, message: str, timestamp: num })),
    /** Paths in the last commit. */
    committed: z.array(str),
    /** Project files git ignores. */
    ignored: z.array(str),
    /** Data files a .dvc file points at. */
    dvcTracked: z.array(str),
    /** Of the paths the step's git-committed checks name: those whose working copy differs from the last commit (changed or deleted since). */
    uncommitted: z.optional(z.array(str)),
    /** Of the same paths: those staged (git add) as the last commit does not hold them. */
    staged: z.optional(z.array(str)),
  });

  // lab.show_table / lab.show_chart: the lab's caps (src/lab/python/lab.py) are checked again
  // here, so a program that fills lab._shown by hand cannot make the page draw without end.
  // Table cells are NaN and ±inf as their Python repr.
  const cell = z.union([str, num, z.boolean(), z.null()]);
  const upTo = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
  /** lab.show_table(title, rows, columns=None, index=None): at most 200 rows kept. */
  const table = z.object({
    type: z.literal('table'),
    title: str,
    columns: upTo(str, 20),
    /** Row headings, when given. */
    index: z.nullable(upTo(str, 200)),
    rows: upTo(upTo(cell, 20), 200),
    /** How many rows the program passed (more than `rows.length` when it was cut). */
    totalRows: num,
  });
  /** lab.show_chart(title, x, ys, kind="line"): each series as long as x; null is a gap. */
  const chart = z.object({
    type: z.literal('chart'),
    title: str,
    kind: z.enum(['line', 'bar']),
    x: upTo(z.union([num, str]), 1000),
    series: upTo(z.object({ name: str, values: upTo(z.nullable(num), 1000) }), 8),
    xLabel: z.nullable(str),
    yLabel: z.nullable(str),
  });
  const shown = z.discriminatedUnion('type', [table, chart]);

  const pythonError = z.object({
    type: str,
    message: str,
    /** Python's traceback text, cut to the learner's frames. */
    traceback: str,
    /** 1-based line in the learner's file, when the error points at one. */
    line: z.nullable(num),
  });

  const shellLine = z.object({ line: str, output: z.array(chunk), code: num });

  /** What a container check met (src/lab/shell/docker.ts tryContainer), as a learner typing the commands would. */
  const containerTrial = z.object({
    publish: str,
    /** Each command the lab typed (docker build, docker run) and what it printed. */
    commands: z.array(z.object({ line: str, code: num, output: str })),
    /** The container ended at once (its status, log and command), or null while it serves. */
    exited: z.nullable(z.object({ code: num, log: str, command: str })),
    /** One per request (status 0 with why, when nothing answered); empty when no container was serving. */
    exchanges: z.array(exchange),
  });

  /**
   * A run's outcome as the worker sends it (lab_runner.py): no tracking store (the page reads the
   * store's files the run changed, protocolSchema.ts withTracking); no verdicts (the worker does
   * not judge), but, when the step has assert checks, the run's record (JSON the judge reads,
   * src/lab/python/lab_evidence.py; the page only carries it).
   */
  const wireOutcome = z.object({
    error: z.nullable(pythonError),
    stopped: z.boolean(),
    variables: z.record(str, z.union([str, num, z.boolean(), z.null()])),
    training: z.array(z.object({ learning_rate: num, epochs: num, /** [epoch, loss, accuracy] */ history: z.array(z.tuple([num, num, num])) })),
    drift: z.array(z.object({ column: z.nullable(str), psi: num, bins: num, reference: z.array(num), current: z.array(num) })),
    newRuns: z.array(str),
    newVersions: z.array(z.object({ name: str, version: str })),
    /** The app the run serves at localhost:8000, if it defined one. */
    server: z.nullable(openApi),
    /** The requests the step's checks sent to that server, with their answers. */
    responses: z.array(exchange),
    /** The step's container checks: the project's image built, run and asked. */
    containers: z.optional(z.array(containerTrial)),
    record: z.optional(z.nullable(str)),
    /** Tables and charts the program showed with lab.show_table / lab.show_chart, in order (Python runs). */
    shown: z.optional(upTo(shown, 20)),
    /** For shell runs: the terminal transcript and the repository afterwards. */
    shell: z.optional(z.object({ transcript: z.array(shellLine), repo: z.nullable(repo) })),
  });

  // The store's own file of experiments and the registry (store.json in .lab/tracking/).
  const trackingMeta = z.object({ experiments: z.record(str, experiment), registered_models: z.record(str, registeredModel) });
  return { experiment, trackedRun, loggedModel, modelVersion, registeredModel, tracking, trackingMeta, chunk, exchange, containerTrial, wireOutcome };
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

/** The schemas, built once on first use. */
export const outcomeSchemas = (): Schemas => (built ??= build());

type Of<K extends keyof Schemas> = z.output<Schemas[K]>;
export type TrackedExperiment = Of<'experiment'>;
export type TrackedRun = Of<'trackedRun'>;
export type ArtifactRecord = NonNullable<TrackedRun['artifacts']>[string];
export type LoggedModel = Of<'loggedModel'>;
export type ModelVersionRecord = Of<'modelVersion'>;
export type RegisteredModelRecord = Of<'registeredModel'>;
export type TrackingStore = Of<'tracking'>;
export type OutputChunk = Of<'chunk'>;
export type HttpExchange = Of<'exchange'>;
export type ContainerTrial = Of<'containerTrial'>;
export type WireOutcome = Of<'wireOutcome'>;
export type TrainingRecord = WireOutcome['training'][number];
export type DriftRecord = WireOutcome['drift'][number];
export type PythonError = NonNullable<WireOutcome['error']>;
export type ShownResult = NonNullable<WireOutcome['shown']>[number];
export type ShownTable = Extract<ShownResult, { type: 'table' }>;
export type ShownChart = Extract<ShownResult, { type: 'chart' }>;
export type ShownCell = ShownTable['rows'][number][number];
export type RepoSummary = NonNullable<NonNullable<WireOutcome['shell']>['repo']>;
export type ShellLine = NonNullable<WireOutcome['shell']>['transcript'][number];

/** What the page makes of a run's outcome: the tracking store always there, the record gone, the judge's verdicts added. */
export type RunOutcome = Omit<WireOutcome, 'record'> & {
  tracking: TrackingStore;
  /** The step's assert checks, judged after the program by the judge's own interpreter (lab_judge.py): null when one passed, else its message. */
  asserts?: Record<string, string | null>;
};

/** Where a zod issue is and what was expected, in words (zod/mini carries no message texts). */
export function describeIssue(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : 'message';
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
  return `${where}: ${what}`;
}
