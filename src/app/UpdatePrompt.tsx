import { useUpdate } from './updateStore';

/** "A new version is available — Reload": non-blocking, announced politely, never reloads by itself. */
export function UpdatePrompt() {
  const accept = useUpdate((s) => s.accept);
  return (
    <div role="status" aria-live="polite" aria-label="App updates" className="fixed bottom-4 right-4 z-40">
      {accept && (
        <div className="flex items-center gap-3 rounded-md border border-accent bg-surface-2 px-3 py-2 text-sm shadow-lg">
          <p>A new version is available.</p>
          <button type="button" onClick={accept} className="rounded bg-accent px-2.5 py-1 font-semibold text-accent-ink hover:opacity-90">
            Reload
          </button>
        </div>
      )}
    </div>
  );
}
