import '@testing-library/jest-dom/vitest';
// The lab keeps its project in IndexedDB (src/lab/page/worldStore.ts), which jsdom lacks.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { progressStore } from '../src/progress/store';
import { resetRerunPrefs } from '../src/lesson/rerunPrefs';
import { reloadVerdicts } from '../src/lesson/lastVerdicts';

// findBy…/waitFor give up after 1 s by default: a lazily loaded page can take
// longer on a busy two-core machine. The test's own limit still bounds a hang.
configure({ asyncUtilTimeout: 30_000 });

// Monaco does not run in jsdom (docs/tool-facts.md): component tests get a textarea with
// the same props. The real editor is covered by the browser tests.
vi.mock('../src/lesson/CodeEditor', () => import('./stubs/CodeEditor'));
// jsdom has no page load to wait for: what waits for the page to settle runs at once (tests/stubs/whenSettled.ts).
vi.mock('../src/lib/whenSettled', () => import('./stubs/whenSettled'));

// jsdom has <dialog> but not its modal methods.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

// jsdom lays nothing out, so it cannot scroll: pages that scroll on arrival (useScrollOnArrival) get no-ops.
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// Charts measure their container; jsdom has no layout, so give them a fixed size.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

// Every test starts with empty storage and a fresh store.
beforeEach(() => {
  localStorage.clear();
  resetRerunPrefs();
  reloadVerdicts();
  progressStore.setState(progressStore.getInitialState(), true);
});

afterEach(() => {
  cleanup();
});
