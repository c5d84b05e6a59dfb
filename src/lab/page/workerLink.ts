// The page's hold on one lab worker: the worker, the private MessageChannel the two
// talk over (never the worker's global postMessage, which learner code can reach), and
// the interrupt buffer Stop and the time limits use. The engine (engine.ts) opens a
// link per worker and closes it when the worker is replaced.
import type { ToWorker } from '../protocol';

/** How long an interrupt may take before the worker is replaced anyway. */
const INTERRUPT_GRACE_MS = 1500;

/** A secret per run and question: an answer must repeat it (defence in depth behind the private port). */
export function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class WorkerLink {
  private readonly channel = new MessageChannel();
  /** Set when the page is cross-origin isolated: Python reads it between bytecodes. */
  private readonly interrupt: Uint8Array | null;
  private open = true;

  /** Throws when the browser cannot start a worker. */
  constructor(
    readonly worker: Worker,
    canInterrupt: boolean,
    onMessage: (data: unknown) => void,
    onError: (message: string) => void,
  ) {
    this.interrupt = canInterrupt ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    this.channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      if (this.open) onMessage(event.data);
    };
    // Learner code can reach the worker's global postMessage, so nothing that arrives there is read.
    worker.onmessage = null;
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.open) onError(event.message || 'unknown error');
    };
  }

  get isOpen() {
    return this.open;
  }

  /** The worker's first message: its end of the channel and the interrupt buffer go with it. */
  init(message: (port: MessagePort, interrupt: SharedArrayBuffer | null) => ToWorker, transfer: Transferable[] = []) {
    if (!this.open) return;
    const port = this.channel.port2;
    this.worker.postMessage(message(port, (this.interrupt?.buffer as SharedArrayBuffer | undefined) ?? null), [port, ...transfer]);
  }

  post(message: ToWorker) {
    if (this.open) this.channel.port1.postMessage(message);
  }

  /** Clear a stale interrupt before the worker starts something new. */
  clearInterrupt() {
    if (this.interrupt) this.interrupt[0] = 0;
  }

  /**
   * Stop what the worker is running: SIGINT (Python raises KeyboardInterrupt at the
   * next bytecode, docs/tool-facts.md), then `force` if it has not ended within the
   * grace time; without an interrupt buffer (the page is not cross-origin isolated),
   * `force` at once. Returns the grace timer, or null when `force` already ran.
   */
  interruptOrForce(force: () => void): ReturnType<typeof setTimeout> | null {
    if (!this.interrupt) {
      force();
      return null;
    }
    this.interrupt[0] = 2;
    return setTimeout(force, INTERRUPT_GRACE_MS);
  }

  close() {
    this.open = false;
    this.worker.terminate();
    this.channel.port1.close();
  }
}
