// Work that can wait until the page has settled: after the load event, a pause,
// then the browser's next idle moment, so it never competes with the first paint
// or the page's first answers to the learner (the home page prefetches the
// lessons this way, and a step page starts the lab's Python). Component tests
// replace this module (tests/setup.ts).

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
