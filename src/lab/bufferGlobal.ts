// isomorphic-git (in the worker) and dockerfile-ast (lib/util.js isUTF8BOM, where
// the page judges a Dockerfile) expect Node's Buffer; in a browser it comes from
// the `buffer` package. Imported first by the worker and by checks/dockerfile.ts.
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;
