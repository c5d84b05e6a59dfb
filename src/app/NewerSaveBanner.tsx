import type { NewerSave } from '../progress';
import { useProgress } from '../lesson/useProgress';

const newerNotice = (n: Pick<NewerSave, 'reason' | 'backup'>) =>
  `Your saved progress could not be read (${n.reason}). This tab shows none of it and saves nothing over it, so the newer version finds it as it left it; a copy is also kept under “${n.backup}”.`;


/**
 * Progress saved by a newer version of the app is in this browser: this tab
 * is read-only until the learner keeps it (and stays read-only) or starts fresh
 * here, replacing it (a copy stays aside, store.ts).
 */
export function NewerSaveBanner() {
  const newer = useProgress((s) => s.newerSave);
  const keep = useProgress((s) => s.keepNewerSave);
  const replace = useProgress((s) => s.replaceNewerSave);
  if (!newer) return null;
  const startFresh = (
    <button type="button" onClick={replace} className="rounded border border-bad px-2 py-1 text-bad hover:bg-surface">
      Start fresh here
    </button>
  );
  return (
    <div role="alert" className="border-b border-warn bg-surface-2">
      <div className="mx-auto flex max-w-7xl flex-wrap items-start gap-3 px-4 py-3 text-sm">
        {newer.kept ? (
          <p className="flex-1">Read-only: this browser keeps progress from a newer version of Lifecycle Lab, and nothing you do in this tab is saved.</p>
        ) : (
          <>
            <p className="flex-1">{newerNotice(newer)} Keep it (this tab stays read-only), or start fresh here and replace it?</p>
            <button type="button" onClick={keep} className="rounded border border-line px-2 py-1 hover:bg-surface">
              Keep it
            </button>
          </>
        )}
        {startFresh}
      </div>
    </div>
  );
}
