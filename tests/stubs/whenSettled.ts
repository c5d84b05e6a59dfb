// The whenSettled the component tests run with (tests/setup.ts puts it in place of
// src/lib/whenSettled): jsdom has no page load to wait for, so what waits for the
// page to settle runs at once, unless a test takes the timing over with `settling.schedule`.
// (A test file's own vi.mock of the module would come too late: the setup's imports
// load it through src/lib/index.ts before the test file runs.)
type Schedule = (load: () => void) => () => void;

const atOnce: Schedule = (load) => {
  const timer = setTimeout(load, 0);
  return () => clearTimeout(timer);
};

export const settling: { schedule: Schedule; reset: () => void } = {
  schedule: atOnce,
  reset() {
    settling.schedule = atOnce;
  },
};

export const whenSettled: Schedule = (load) => settling.schedule(load);
