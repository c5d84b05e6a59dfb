// The shared helpers without React (the framework-free rooms and the worker
// use them); those built on React are ./react.ts.

export { isChunkLoadError, watchChunkErrors } from './chunkRecovery.ts';
export { downloadText } from './download.ts';
export { matchesGlob } from './glob.ts';
export { hasPendingSaves, trackSave } from './pendingSaves.ts';
export { textDigest } from './textDigest.ts';
export { whenSettled } from './whenSettled.ts';
