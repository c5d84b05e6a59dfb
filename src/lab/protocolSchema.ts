// Every message from the worker is parsed here before the page acts on it, so
// a malformed one is refused with a reason instead of being trusted. The run's
// outcome is checked by its one schema (outcomeSchema.ts), which its type comes from.
import * as z from 'zod/mini';
import { emptyOutcome } from './outcome';
import { describeIssue, outcomeSchemas, type RunOutcome, type TrackingStore, type WireOutcome } from './outcomeSchema';
import type { WorldFiles } from './types';
import { fileText } from './worldFiles';
import { CHECKED_HEADERS } from './unprotected';

// Built on the first message, not when the page loads: building zod schemas costs the step
// page's first render a few milliseconds it does not need (issue 9 §2).
function buildSchema() {
  const str = z.string();
  const strings = z.record(str, str);

  const { chunk, exchange, wireOutcome: outcome } = outcomeSchemas();

  const id = z.number().check(z.int());
  const count = z.number().check(z.int(), z.nonnegative());

  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('progress'), stage: str }),
    z.object({
      type: z.literal('ready'),
      world: strings,
      /** Why the saved world could not be laid out (the start project was used instead). */
      setAside: z.optional(z.array(str)),
      /** Python was restored from the offered memory snapshot ('used'); none was offered for this build ('missing'); the offered one failed and is to be forgotten ('failed'). */
      snapshot: z.optional(z.enum(['used', 'missing', 'failed'])),
      /** Headers the host did not send (src/lab/worker/selfCheck.ts), for a notice. */
      unprotected: z.optional(z.array(z.enum(CHECKED_HEADERS))),
    }),
    /** The interpreter's warm-up after ready has ended (worker.ts): runs from here on run at full speed. */
    z.object({ type: z.literal('warmed') }),
    z.object({ type: z.literal('output'), id, nonce: str, chunks: z.array(chunk) }),
    /** The learner's program (not the lab's work around it) started or ended: the time limit counts only it. */
    z.object({ type: z.literal('clock'), id, nonce: str, program: z.enum(['running', 'ended']) }),
    /** `chunks`: the run's output not yet streamed, so the page draws the end of a run once, with its result. `changes`: the files the run changed or made, and the ones it removed (never the whole project). */
    z.object({
      type: z.literal('result'),
      id,
      nonce: str,
      outcome,
      changes: z.object({ files: strings, removed: z.array(str) }),
      chunks: z.array(chunk),
      truncatedLines: count,
      truncatedBytes: count,
    }),
    z.object({ type: z.literal('response'), id, nonce: str, exchange, log: z.array(chunk) }),
    /** A request the served app did not answer: `interrupted` when the engine's interrupt stopped it. */
    z.object({ type: z.literal('request-failed'), id, nonce: str, message: str, interrupted: z.boolean() }),
    /** The lab's answer to the judge's call, as JSON for the judge (`failed`: the lab could not answer, why). */
    z.object({ type: z.literal('probed'), id, nonce: str, answer: z.nullable(str), failed: z.nullable(str) }),
    z.object({ type: z.literal('fatal'), id: z.nullable(id), message: str }),
  ]);
}

/** A message from the worker to the page. */
export type FromWorker = z.output<ReturnType<typeof buildSchema>>;

let fromWorker: ReturnType<typeof buildSchema> | undefined;

/** The tracking store the lab saved in the project (`.lab/tracking.json`), checked as a run's would be; null if it is not one. */
export function parseTrackingFile(text: string | null): TrackingStore | null {
  if (text === null) return null;
  try {
    const parsed = outcomeSchemas().tracking.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The message, or why it was refused (the first problem, with where it is). */
export function parseFromWorker(data: unknown): { ok: true; message: FromWorker } | { ok: false; reason: string } {
  fromWorker ??= buildSchema();
  const parsed = fromWorker.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, reason: describeIssue(parsed.error.issues) };
}

/** Where the lab keeps its tracking store in the project. */
export const TRACKING_FILE = '.lab/tracking.json';

/**
 * A run's outcome with its tracking store: the worker sends the store only when the run changed
 * it, else the one the page already has (`known`), else the one saved in the project's files.
 */
export function withTracking(outcome: WireOutcome, known: TrackingStore | null, files: WorldFiles | null): RunOutcome {
  const tracking = outcome.tracking ?? known ?? parseTrackingFile(fileText(files?.[TRACKING_FILE])) ?? emptyOutcome().tracking;
  // The record is the judge's, not the page's: it goes no further than the judgement.
  const { record: _record, ...rest } = outcome;
  return { ...rest, tracking };
}
