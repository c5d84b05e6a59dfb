import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';

// The panel (export, import, reset) loads when the learner reaches for the menu,
// so every page's first load carries only its button (the entry's size budget).
const loadPanel = () => import('./ProgressPanel');
const ProgressPanel = lazy(() => loadPanel().then((m) => ({ default: m.ProgressPanel })));

/** Export, import and reset progress. */
export function ProgressMenu() {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const panelId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => {
      const dialogOpen = wrapperRef.current?.querySelector('dialog')?.open ?? false;
      if (!wrapperRef.current?.contains(e.target as Node) && !dialogOpen) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="relative" ref={wrapperRef}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onPointerEnter={() => void loadPanel()}
        onClick={() => {
          setWanted(true);
          setOpen((o) => !o);
        }}
        className="rounded-md border border-line px-2.5 py-1.5 text-sm hover:bg-surface-2"
      >
        Progress ▾
      </button>
      <div id={panelId} hidden={!open}>
        {wanted && (
          <Suspense fallback={<p className="absolute right-0 top-full z-40 mt-2 w-72 rounded-lg border border-line bg-surface p-3 text-sm text-muted shadow-xl">Opening…</p>}>
            <ProgressPanel id={panelId} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
