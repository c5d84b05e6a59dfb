// The step page's split view (screens ≥ 1024 px) is its own chunk: the panels
// library it needs is a third of the step page's code, and phones never use it.
// The route fetches it beside the step page's chunk when the screen is wide, so
// a wide step page paints split at once.
import { lazyChunk } from '../lib/react';

export const splitWorkspace = lazyChunk(() => import('./SplitWorkspace').then((m) => m.SplitWorkspace));
