// isomorphic-git expects Node's Buffer; in a worker it comes from the `buffer`
// package. Imported first by the worker, before anything that loads git.
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;
