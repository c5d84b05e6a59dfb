// Registers the service worker (scripts/pwa.ts builds it) and offers updates.
// Loaded lazily after the page has loaded (src/main.tsx), so workbox-window and
// the prompt are not in the entry chunk. Updates wait for the learner: a new version takes
// over only when they press Reload, so a running lab is never cut off and a
// page never mixes old and new files.
import { createRoot } from 'react-dom/client';
import { Workbox } from 'workbox-window';
import { UpdatePrompt } from './UpdatePrompt';
import { useUpdate } from './updateStore';

/** The part of workbox-window's Workbox used here (tests pass a fake). */
export interface WorkboxLike {
  addEventListener(type: 'waiting' | 'controlling', listener: (event: { isUpdate?: boolean }) => void): void;
  messageSkipWaiting(): void;
}

const HOUR_MS = 60 * 60 * 1000;

export function watchForUpdates(wb: WorkboxLike, reload: () => void = () => window.location.reload()) {
  let accepted = false;
  const accept = () => {
    accepted = true;
    wb.messageSkipWaiting();
  };
  // A new version installed and waits (in this tab's registration or another tab's).
  wb.addEventListener('waiting', () => useUpdate.getState().offer(accept));
  wb.addEventListener('controlling', (event) => {
    if (!event.isUpdate) return; // the first install taking control: same files as the page
    // The new version took over: reload now if the learner asked here, else
    // (another tab accepted) offer a reload rather than interrupt this one.
    if (accepted) reload();
    else useUpdate.getState().offer(reload);
  });
}

/** The prompt's own root, outside the routed app, so none of it is in the entry chunk. */
function mountPrompt() {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<UpdatePrompt />);
}

export function startServiceWorker() {
  mountPrompt(); // the (empty) live region exists before anything is announced in it
  const wb = new Workbox('/sw.js', { scope: '/' });
  watchForUpdates(wb);
  void wb.register().catch(() => undefined); // no service worker: the app still works online
  // A tab left open for days still hears of new deploys (the browser checks only on navigation).
  window.setInterval(() => void wb.update().catch(() => undefined), HOUR_MS);
}
