// The lab's page side, as the lesson and author rooms use it: the engine
// (the worker's client), the step runtime, the visit's session (a vanilla
// store; its hook is src/lesson/useLabSession.ts), run requests and the saved project.

export { LabEngine, labFor, type EngineState } from './engine';
export { loadStartWorld } from './lessonWorlds';
export { runRequestFor, timeLimitSeconds } from './runRequest';
export { emptyRun, labSession, type StepRunState } from './session';
export { createStepRuntime, stepEditing } from './stepRuntime';
export { labStorageKey, worldStoreFor } from './worldStore';
