// localhost:5000 — a tracking UI drawn from the lab's tracking store, laid out
// like MLflow's: experiments and their runs table, a run page, run
// comparison and the model registry. Its hash routes follow MLflow's UI.
import { useCallback, useMemo, useState } from 'react';
import type { TrackingStore } from '../../lab';
import { trackingAddress, type View } from './address';
import { ComparePage } from './ComparePage';
import { ModelPage, ModelsPage } from './ModelsPage';
import { activeExperiments, firstExperimentId } from './pages';
import { RunPage } from './RunPage';
import { RunsPage } from './RunsPage';
import { readTrackingStore, type UiStore } from './store';

interface Props {
  /** The store as the run's outcome carries it; checked entry by entry before it is drawn. */
  store: TrackingStore;
  /** Runs created by the learner's latest run of their code; opened first and highlighted. */
  newRuns: string[];
  onNavigate: (address: string) => void;
}

export default function TrackingUI({ store: raw, newRuns, onNavigate }: Props) {
  const { store, notices } = useMemo(() => readTrackingStore(raw), [raw]);
  const key = newRuns.join();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new array with the same runs is the same list
  const shown = useMemo(() => newRuns.filter((id) => id in store.runs), [key, store]);
  return (
    <div className="font-sans text-sm">
      {notices.length > 0 && <StoreNotices notices={notices} />}
      <TrackingPages store={store} newRuns={shown} runsKey={key} onNavigate={onNavigate} />
    </div>
  );
}

function StoreNotices({ notices }: { notices: string[] }) {
  return (
    <div role="status" className="mb-3 rounded-lg border border-warn bg-surface-2 p-2 text-xs">
      <p className="font-semibold">Some entries of the lab’s tracking store could not be shown and were left out:</p>
      <ul className="mt-1 list-disc pl-5">
        {notices.slice(0, 8).map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      {notices.length > 8 && <p className="mt-1">…and {notices.length - 8} more.</p>}
    </div>
  );
}

function TrackingPages({ store, newRuns, runsKey, onNavigate }: { store: UiStore; newRuns: string[]; runsKey: string; onNavigate: (address: string) => void }) {
  const [view, setView] = useState<View>(() => ({ page: 'runs', experimentId: firstExperimentId(store, newRuns) }));
  // A Run that logged new runs opens their experiment's table, without remounting the UI
  // (state adjusted while rendering, as React's docs advise for a prop change).
  const [seen, setSeen] = useState(runsKey);
  if (seen !== runsKey) {
    setSeen(runsKey);
    if (newRuns.length) setView({ page: 'runs', experimentId: firstExperimentId(store, newRuns) });
  }
  const go = useCallback(
    (next: View) => {
      setView(next);
      onNavigate(trackingAddress(next));
    },
    [onNavigate],
  );

  return (
    <div>
      <nav aria-label="Tracking UI" className="mb-3 flex items-center gap-1 border-b border-line pb-2">
        <span className="mr-2 font-mono text-xs font-bold tracking-wide text-accent">mlflow</span>
        <TabButton active={view.page === 'runs' || view.page === 'run' || view.page === 'compare'} onClick={() => go({ page: 'runs', experimentId: 'experimentId' in view ? view.experimentId : (activeExperiments(store).at(-1)?.experiment_id ?? '0') })}>
          Experiments
        </TabButton>
        <TabButton active={view.page === 'models' || view.page === 'model'} onClick={() => go({ page: 'models' })}>
          Models
        </TabButton>
      </nav>
      {view.page === 'runs' && <RunsPage store={store} experimentId={view.experimentId} newRuns={newRuns} go={go} />}
      {view.page === 'run' && <RunPage store={store} runId={view.runId} go={go} />}
      {view.page === 'compare' && <ComparePage store={store} runIds={view.runIds} go={go} />}
      {view.page === 'models' && <ModelsPage store={store} go={go} />}
      {view.page === 'model' && <ModelPage store={store} name={view.name} go={go} />}
    </div>
  );
}

function TabButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
      className={`rounded-md px-2.5 py-1 ${active ? 'bg-surface-2 font-semibold text-ink' : 'text-muted hover:text-ink'}`}
    >
      {children}
    </button>
  );
}
