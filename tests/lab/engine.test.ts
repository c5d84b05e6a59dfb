// The engine client's control flow with a scripted worker: waiting for the
// engine, streaming output, Stop and the time limit (with and without
// cross-origin isolation), console requests and their time limit, crashes,
// refused (forged or malformed) messages, and the saved project.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LabEngine } from '../../src/lab/engine';
import type { ToWorker } from '../../src/lab/protocol';
import { emptyOutcome } from '../../src/lab/outcome';
import type { RunOutcome } from '../../src/lab/types';

const outcome = emptyOutcome;


/** One end of an in-memory MessageChannel: delivers on a microtask, as fake timers allow. */
class FakePort {
  onmessage: ((e: MessageEvent) => void) | null = null;
  other!: FakePort;
  closed = false;
  postMessage(data: unknown) {
    if (!this.closed) queueMicrotask(() => this.other.onmessage?.({ data } as MessageEvent));
  }
  close() {
    this.closed = true;
  }
}
class FakeChannel {
  port1 = new FakePort();
  port2 = new FakePort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

/** A worker whose answers the test scripts; it answers over the port that came with init, as worker.ts does. */
class ScriptedWorker {
  static made: ScriptedWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;
  port: FakePort | null = null;
  constructor(private readonly behaviour: (w: ScriptedWorker, m: ToWorker) => void) {
    ScriptedWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.received.push(message);
    if (message.type === 'init') {
      this.port = message.port as unknown as FakePort;
      this.port.onmessage = (e) => {
        this.received.push(e.data as ToWorker);
        this.behaviour(this, e.data as ToWorker);
      };
    }
    queueMicrotask(() => this.behaviour(this, message));
  }
  /** What the page receives on its private port. */
  send(message: unknown) {
    this.port?.postMessage(message);
  }
  /** What learner code could do: post on the worker's global channel. */
  postGlobally(message: unknown) {
    this.onmessage?.({ data: message } as MessageEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

const ready = (w: ScriptedWorker, m: ToWorker) => {
  if (m.type === 'init') {
    w.send({ type: 'progress', stage: 'Downloading Python…' });
    w.send({ type: 'ready', world: m.world ?? { 'data/raw_data.csv': 'a,b\n' } });
  }
};

/** The result message worker.ts sends for a run. */
const resultFor = (m: Extract<ToWorker, { type: 'run' }>, patch: Partial<RunOutcome> = {}) => ({
  type: 'result' as const,
  id: m.id,
  nonce: m.nonce,
  outcome: outcome(patch),
  world: { 'train.py': m.code },
  truncatedLines: 0,
  truncatedBytes: 0,
});

const flushMicrotasks = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function engineWith(behaviour: (w: ScriptedWorker, m: ToWorker) => void, key = 'test:lab') {
  return new LabEngine(key, () => new ScriptedWorker(behaviour) as unknown as Worker);
}

beforeEach(() => {
  vi.stubGlobal('MessageChannel', FakeChannel);
});

afterEach(() => {
  ScriptedWorker.made = [];
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('LabEngine', () => {
  it('a Run pressed while loading waits, streams output, then saves the project', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') {
        w.send({ type: 'output', id: m.id, nonce: m.nonce, chunks: [{ stream: 'stdout', text: 'epoch 1\n' }] });
        w.send(resultFor(m));
      }
    });
    const seen: string[] = [];
    const result = await engine.run({ code: 'print(1)\n', filename: 'train.py', variables: [], timeLimitMs: 10_000, onOutput: (c) => seen.push(...c.map((x) => x.text)) });
    expect(seen).toEqual(['epoch 1\n']);
    expect(result.output).toEqual([{ stream: 'stdout', text: 'epoch 1\n' }]);
    expect(result.ended).toBeUndefined();
    expect(engine.state.status).toBe('ready');
    expect(JSON.parse(localStorage.getItem('test:lab') ?? '{}')).toEqual({ 'train.py': 'print(1)\n' });

    // A new engine (a reload) hands the saved project to its worker.
    const again = engineWith(ready);
    await again.start();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: { 'train.py': 'print(1)\n' } });
  });

  it('without cross-origin isolation, Stop replaces the worker and keeps the project', async () => {
    const engine = engineWith(ready); // never answers a run: an infinite loop
    expect(engine.state.canInterrupt).toBe(false);
    await engine.start();
    const running = engine.run({ code: 'while True: pass', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    await Promise.resolve();
    engine.stop();
    const result = await running;
    expect(result.ended).toBe('stopped');
    expect(result.outcome.error?.message).toBe('The program was stopped.');
    expect(ScriptedWorker.made[0]?.terminated).toBe(true);
    expect(ScriptedWorker.made).toHaveLength(2); // restarted at once
    await engine.start();
    expect(engine.state.status).toBe('ready');
  });

  it('the time limit ends a run that never returns', async () => {
    vi.useFakeTimers();
    const engine = engineWith(ready);
    const running = engine.run({ code: 'while True: pass', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(engine.state.status).toBe('running');
    await vi.advanceTimersByTimeAsync(2);
    const result = await running;
    expect(result.ended).toBe('time-limit');
    expect(result.outcome.error?.message).toBe('The program ran longer than 10 s and was stopped.');
  });

  it('a crash mid-run is reported and the engine restarts', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') w.send({ type: 'fatal', id: m.id, message: 'RangeError: Maximum call stack size exceeded' });
    });
    const result = await engine.run({ code: 'f()', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    expect(result.ended).toBe('crashed');
    expect(result.outcome.error?.message).toMatch(/crashed \(RangeError: Maximum call stack size exceeded\).*restarted/);
    expect(ScriptedWorker.made).toHaveLength(2);
  });

  it('an engine that cannot start says why and does not loop', async () => {
    const engine = engineWith((w, m) => {
      if (m.type === 'init') w.send({ type: 'fatal', id: null, message: 'pyodide.asm.wasm: 404' });
    });
    await expect(engine.start()).rejects.toThrow('pyodide.asm.wasm: 404');
    expect(engine.state).toMatchObject({ status: 'idle', error: 'pyodide.asm.wasm: 404' });
    expect(ScriptedWorker.made).toHaveLength(1);
  });

  it('an unreadable saved project is set aside with a notice', () => {
    localStorage.setItem('test:broken', '{not json');
    const engine = engineWith(ready, 'test:broken');
    expect(engine.state.notice).toMatch(/could not be read/);
    expect(engine.files).toBeNull();
    expect(Object.keys(localStorage).some((k) => k.startsWith('test:broken:unreadable:'))).toBe(true);
  });

  it('Reset lab forgets the saved project', async () => {
    localStorage.setItem('test:reset', JSON.stringify({ 'model.json': '{}' }));
    const engine = engineWith(ready, 'test:reset');
    await engine.resetLab();
    expect(localStorage.getItem('test:reset')).toBeNull();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: null });
  });
});
