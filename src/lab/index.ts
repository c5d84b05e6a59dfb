// The lab's shared face: the types, the checks and their verdicts, the world
// files, the tracking store's raw reader, the run outcome's schema and the
// reference's types. The page side's client is ./page/index.ts; the worker side
// is entered only by the Web Worker.

export type { CheckVerdict } from './checks/checks';
export { proveStep, trialName, type ProvingLab, type TrialVerdict } from './checks/prove';
export { outcomeSchemas } from './outcomeSchema';
export { rawTrackingOfFiles } from './protocolSchema';
export type { ApiEntry, LabReference } from './reference';
export type { ArtifactRecord, DriftRecord, HttpExchange, HttpRequest, JsonSchema, LoggedModel, OpenApiDoc, OpenApiOperation, OutputChunk, PythonError, RegisteredModelRecord, RepoSummary, RunOutcome, RunResult, ShownCell, ShownChart, ShownResult, ShownTable, TrackedExperiment, TrackedRun, TrackingStore, WorldFiles } from './types';
export { fileText, learnerFileTexts } from './worldFiles';
