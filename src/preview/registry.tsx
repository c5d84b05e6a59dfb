// One entry per preview service (content/README.md, "Previews"): its view, the
// evidence of the run it reads, and the address and title it answers at. The
// `satisfies` below makes a service added to the schema's enum without an entry
// here a type error, so a step can never name a service with nothing to draw.
import { lazy, type ReactNode } from 'react';
import type { Service } from '../content';
import type { HttpExchange, HttpRequest, OutputChunk, RunOutcome, RunResult } from '../lab';

// Each view (and its charting library) loads only when shown.
const TrainingReport = lazy(() => import('./TrainingReport'));
const TrackingUI = lazy(() => import('./tracking/TrackingUI'));
const DriftMonitor = lazy(() => import('./DriftMonitor'));
const ModelApi = lazy(() => import('./ModelApi'));
const RepoExplorer = lazy(() => import('./RepoExplorer'));
const ResultsView = lazy(() => import('./ResultsView'));

/** What a view may be given: the finished run, the project's files, the served app, the address bar. */
export interface PreviewContext {
  result: RunResult;
  outcome: RunOutcome;
  /** The learner's files after the run (the lab's own left out), each as text or null when binary. */
  files: Record<string, string | null>;
  /** Send a request to the app the run serves (the console at localhost:8000). */
  send: (request: HttpRequest) => Promise<{ exchange: HttpExchange; log: OutputChunk[] }>;
  /** Show another address in the preview's address bar (a view's own links). */
  navigate: (address: string) => void;
  /** Lines the step asks to mark on its charts, their values resolved from the run (step `preview.marks`). */
  marks: ChartMark[];
}

export interface ChartMark {
  axis: 'x' | 'y';
  value: number;
  label: string;
}

/** The parts of a run a view reads: a field of the run's outcome, or the project's files. */
export type PreviewEvidence = keyof RunOutcome | 'files';

export interface PreviewEntry {
  /** What the real tool would be called, e.g. "MLflow tracking UI". */
  title: string;
  /** Where the real tool answers; a step's `preview.address` names the page on it. */
  address: string;
  evidence: readonly PreviewEvidence[];
  render: (context: PreviewContext) => ReactNode;
}

export type PreviewRegistry = Record<Service, PreviewEntry>;

export const previews = {
  'repo-explorer': {
    title: 'Repository explorer',
    address: 'localhost:3000',
    evidence: ['shell', 'files'],
    // Keyed by the run: a new run starts the explorer afresh.
    render: ({ result, outcome, files }) => <RepoExplorer key={result.durationMs} repo={outcome.shell?.repo ?? null} files={files} />,
  },
  'training-report': {
    title: 'Training report',
    address: 'localhost:3000',
    evidence: ['training', 'variables'],
    render: ({ outcome }) => <TrainingReport outcome={outcome} />,
  },
  'tracking-ui': {
    title: 'MLflow tracking UI',
    address: 'localhost:5000',
    evidence: ['tracking', 'newRuns'],
    render: ({ outcome, navigate }) => <TrackingUI store={outcome.tracking} newRuns={outcome.newRuns} onNavigate={navigate} />,
  },
  'model-api': {
    title: 'Model API',
    address: 'localhost:8000',
    evidence: ['server', 'responses'],
    render: ({ result, outcome, send, navigate }) => (
      <ModelApi key={result.durationMs} server={outcome.server} responses={outcome.responses} send={send} navigate={navigate} address="localhost:8000" />
    ),
  },
  monitor: {
    title: 'Drift monitor',
    address: 'localhost:3000',
    evidence: ['drift', 'newVersions', 'tracking'],
    render: ({ outcome }) => <DriftMonitor outcome={outcome} />,
  },
  results: {
    title: 'Results',
    address: 'localhost:3000',
    evidence: ['shown'],
    render: ({ outcome, marks }) => <ResultsView shown={outcome.shown ?? []} marks={marks} />,
  },
} as const satisfies PreviewRegistry;
