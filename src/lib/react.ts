// The shared helpers built on React: hooks and components for the rooms that
// render, and the hook of a vanilla zustand store. The framework-free ones are ./index.ts.

export { bindStore } from './bindStore';
export { ErrorBoundary } from './ErrorBoundary';
export { lazyChunk } from './lazyChunk';
export { storedValue } from './storedValue';
export { useDocumentTitle } from './useDocumentTitle';
export { useStoreInTransition } from './useStoreInTransition';
export { useTheme } from './useTheme';
