// What the step page says about where the lab is kept: open in another tab
// (read-only here, with a way to take it over) or a save that failed (issue 11).
import type { useStepLab } from './useStepLab';

type Lab = ReturnType<typeof useStepLab>;

export function LabStorageNotice({ lab }: { lab: Lab }) {
  const { storage, takeOver } = lab;
  const elsewhere = storage.access === 'elsewhere' || storage.access === 'taken';
  if (!elsewhere && !storage.saveError) return null;
  return (
    <div role="alert" className="rounded-xl border border-warn bg-surface-2 p-3 text-sm">
      {elsewhere ? (
        <>
          <p>
            {storage.access === 'taken'
              ? 'The lab was taken over by another tab. This tab is read-only now: Run and Reset lab are off here, so the two tabs cannot overwrite each other’s project.'
              : 'This lab is open in another tab. This tab is read-only: Run and Reset lab are off here, so the two tabs cannot overwrite each other’s project.'}
          </p>
          <button type="button" onClick={takeOver} className="mt-2 rounded-md border border-line px-2.5 py-1 hover:bg-surface">
            Use the lab here
          </button>
        </>
      ) : (
        <p>{storage.saveError}</p>
      )}
    </div>
  );
}
