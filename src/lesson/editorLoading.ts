// When Monaco loads if the learner does not ask for it first (issue 9 §2).
// Evaluating Monaco blocks the main thread for seconds on a phone; done during
// the first paint it delayed the learner's code and made the page answer late.
// So it waits for the page to have loaded, then for the browser to be idle,
// then a little longer, so the page has settled. Touching the code loads it at
// once (StaticCode). Component tests replace this module (tests/setup.ts).

const SETTLE_MS = 3000;

/** Calls `load` once the page has settled; returns a function that cancels it. */
export function whenSettled(load: () => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const afterIdle = () => {
    timer = setTimeout(() => {
      if (cancelled) return;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => !cancelled && load(), { timeout: 5000 });
      else load();
    }, SETTLE_MS);
  };
  const onLoad = () => afterIdle();
  if (document.readyState === 'complete') afterIdle();
  else window.addEventListener('load', onLoad, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', onLoad);
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
  };
}
