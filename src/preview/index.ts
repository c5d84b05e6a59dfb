// The preview room's face: the simulated browser frame, the console, one view
// per service (the registry) and the tracking store's reader.

export { ConsoleView } from './ConsoleView';
export { PreviewFrame } from './PreviewFrame';
export { previews, type ChartMark, type PreviewEntry } from './registry';
export { readTrackingStore, type UiStore } from './tracking/store';
