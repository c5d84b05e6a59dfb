// "Don't ask again" for the re-run question (issue 23), per step: a preference
// of this browser's learner, not progress (it earns nothing and is not exported).
import { storedValue } from '../lib/react';

const noAsk = storedValue('lifecycle-lab:rerun-no-ask', (raw): string[] => {
  try {
    const value: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return []; // unreadable: ask, as a first visit does
  }
});

/** Stop asking before re-running this step (`stepKey` of the progress store). */
export function stopAskingBeforeRerun(stepKey: string) {
  noAsk.set([...new Set([...noAsk.get(), stepKey])]);
}

/** Forget every "don't ask again" (tests; a reset of this browser's preferences). */
export const resetRerunPrefs = () => noAsk.clear();

export function useAsksBeforeRerun(stepKey: string): boolean {
  return !noAsk.use().includes(stepKey);
}
