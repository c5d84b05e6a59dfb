// A question to the lab's worker besides a run: a console request to the served app, or
// a call the judge's checks make of the program (`probe`). One at a time; each has a time
// limit that interrupts the worker, then replaces it if it does not answer. The one helper
// for both, used by the engine (engine.ts).
import type { FromWorker, ToWorker } from '../protocol';
import { newNonce } from './workerLink';

type Answer = Extract<FromWorker, { type: 'response' | 'request-failed' | 'probed' }>;

interface Question {
  kind: 'request' | 'probe';
  id: number;
  nonce: string;
  timer: ReturnType<typeof setTimeout> | null;
  ending?: 'time-limit';
  /** The error a question that ran out of time settles with. */
  timedOut: () => Error;
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
}

export interface QuestionLab {
  nextId(): number;
  /** Send the question (the worker's interrupt cleared first). */
  post(message: ToWorker): void;
  /** Interrupt the worker, then `force` (see WorkerLink.interruptOrForce). */
  interruptOrForce(force: () => void): ReturnType<typeof setTimeout> | null;
  /** The worker did not answer in time even when interrupted: replace it. */
  replaceWorker(): void;
}

export class Questions {
  private current: Question | null = null;

  constructor(private readonly lab: QuestionLab) {}

  get pending(): boolean {
    return this.current !== null;
  }

  /** Ask the worker one question under its time limit; the answer is what the worker sent for this kind (checked by parseFromWorker). */
  ask<T>(kind: Question['kind'], timeLimitMs: number, timedOut: () => Error, message: (id: number, nonce: string) => ToWorker): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const question: Question = { kind, id: this.lab.nextId(), nonce: newNonce(), timedOut, resolve: (answer) => resolve(answer as T), reject, timer: null };
      question.timer = setTimeout(() => this.outOfTime(question), timeLimitMs);
      this.current = question;
      this.lab.post(message(question.id, question.nonce));
    });
  }

  /**
   * The worker's answer to the question being asked. Stale answers are ignored; null when it
   * was taken, else why it is to be refused (its nonce does not match).
   */
  answer(message: Answer): string | null {
    const question = this.current;
    if (!question || message.id !== question.id || question.kind !== (message.type === 'probed' ? 'probe' : 'request')) return null;
    if (message.nonce !== question.nonce) return `${message.type}: the ${question.kind === 'probe' ? "call's" : "request's"} nonce does not match`;
    if (message.type === 'probed') this.settle(question, message.answer ?? new Error(message.failed ?? 'the lab could not answer'));
    else if (message.type === 'response') this.settle(question, { exchange: message.exchange, log: message.log });
    else if (message.interrupted && question.ending === 'time-limit') this.settle(question, question.timedOut());
    else this.settle(question, new Error(`The app did not answer: ${message.message}`));
    return null;
  }

  /** The worker is gone: the question waiting gets no answer, and is told why. */
  abandon(requestError: string) {
    const question = this.current;
    if (question) this.settle(question, new Error(question.kind === 'request' ? requestError : 'the lab was restarted while the checks ran the program'));
  }

  /** Its time is up: interrupt the worker; if it still does not answer, replace it. */
  private outOfTime(question: Question) {
    if (this.current !== question || question.ending) return;
    question.ending = 'time-limit';
    const grace = this.lab.interruptOrForce(() => {
      if (this.current !== question) return;
      this.settle(question, question.timedOut());
      this.lab.replaceWorker();
    });
    if (grace) question.timer = grace;
  }

  private settle(question: Question, answer: unknown) {
    if (this.current !== question) return;
    if (question.timer) clearTimeout(question.timer);
    this.current = null;
    if (answer instanceof Error) question.reject(answer);
    else question.resolve(answer);
  }
}
