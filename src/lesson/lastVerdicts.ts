// The last run's verdict per step, kept across reloads (issue 23: it was gone
// after one). The preview is redrawn by running again; the verdict — which
// checks passed, why the others failed — is what a returning learner needs to
// pick up where they were. Also kept: whether that run was of the untouched
// starter, whose passes are no progress (StepPage shows them neutral).
import { storedValue } from '../lib/react';
import type { CheckVerdict } from '../lab';

export interface RememberedVerdict {
  verdicts: CheckVerdict[];
  /** The run was of the step's starter code, unchanged. */
  fromStarter: boolean;
}

type Memory = Record<string, RememberedVerdict>;

const isVerdict = (v: unknown): v is CheckVerdict =>
  typeof v === 'object' && v !== null && typeof (v as CheckVerdict).pass === 'boolean' && typeof (v as CheckVerdict).detail === 'string';

/** Saved verdicts as read back: anything not of this shape (older, hand-edited, corrupt) is left out. */
export function parseMemory(raw: string | null): Memory {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? '{}');
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const memory: Memory = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const e = entry as Partial<RememberedVerdict> | null;
    if (e && Array.isArray(e.verdicts) && e.verdicts.every(isVerdict) && typeof e.fromStarter === 'boolean') {
      memory[key] = { verdicts: e.verdicts.map((v) => ({ pass: v.pass, detail: v.detail })), fromStarter: e.fromStarter };
    }
  }
  return memory;
}

const memory = storedValue('lifecycle-lab:last-verdicts', parseMemory);

export function rememberVerdict(stepKey: string, verdict: RememberedVerdict) {
  memory.set({ ...memory.get(), [stepKey]: verdict });
}

/** Forget the verdicts of one lesson's steps (its lab was reset: they describe a lab that is gone), or all. */
export function forgetVerdicts(lessonId?: string) {
  memory.set(lessonId === undefined ? {} : Object.fromEntries(Object.entries(memory.get()).filter(([k]) => !k.startsWith(`${lessonId}/`))));
}

/** Drop the cached copy (tests clear storage between cases). */
export const reloadVerdicts = () => memory.reload();

export function useLastVerdict(stepKey: string): RememberedVerdict | undefined {
  return memory.use()[stepKey];
}

