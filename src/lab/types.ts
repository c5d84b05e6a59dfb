// Shapes shared by the lab worker, the engine client, the checks and the
// previews. What a run reports is defined once, as zod schemas, in outcomeSchema.ts;
// its types are re-exported here with the few the page adds.
import type { OutputChunk, RunOutcome } from './outcomeSchema';

export type {
  ArtifactRecord,
  ContainerTrial,
  DriftRecord,
  HttpExchange,
  JsonSchema,
  LoggedModel,
  MetricPoint,
  ModelVersionRecord,
  OpenApiDoc,
  OpenApiOperation,
  OpenApiParameter,
  OutputChunk,
  PythonError,
  RegisteredModelRecord,
  RepoSummary,
  RunOutcome,
  ShellLine,
  ShownCell,
  ShownChart,
  ShownResult,
  ShownTable,
  TrackedExperiment,
  TrackedRun,
  TrackingStore,
  TrainingRecord,
  WireMetricValue,
} from './outcomeSchema';

/** The learner's project as files: path relative to the project root → text. */
export type WorldFiles = Record<string, string>;

/** A request to the learner's app, sent from the page into the worker (here so the page never imports the worker's runtime for it). */
export interface HttpRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** A step's container checks of one port mapping: the image run with `-p PUBLISH` and asked these requests on the host's port. */
export interface ContainerTrialSpec {
  publish: string;
  requests: HttpRequest[];
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
