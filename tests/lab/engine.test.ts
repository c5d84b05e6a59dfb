// The engine client's control flow with a scripted worker: waiting for the
// engine, streaming output, Stop and the time limit (with and without
// cross-origin isolation), console requests and their time limit, crashes,
// refused (forged or malformed) messages, and the saved project.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LabEngine } from '../../src/lab/page/engine';
import type { ToWorker } from '../../src/lab/protocol';
import { emptyOutcome } from '../../src/lab/outcome';
import { worldStoreFor } from '../../src/lab/page/worldStore';
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
  changes: { files: { 'train.py': m.code }, removed: [] },
  chunks: [],
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
        // The run's last output comes with its result, not streamed.
        w.send({ ...resultFor(m), chunks: [{ stream: 'stdout', text: 'epoch 2\n' }] });
      }
    });
    const seen: string[] = [];
    const result = await engine.run({ code: 'print(1)\n', filename: 'train.py', variables: [], timeLimitMs: 10_000, onOutput: (c) => seen.push(...c.map((x) => x.text)) });
    expect(seen).toEqual(['epoch 1\n']);
    expect(result.output).toEqual([
      { stream: 'stdout', text: 'epoch 1\n' },
      { stream: 'stdout', text: 'epoch 2\n' },
    ]);
    expect(result.ended).toBeUndefined();
    expect(engine.state.status).toBe('ready');
    await worldStoreFor('test:lab').save({ 'train.py': 'print(1)\n' }); // waits for the engine's save, queued before it
    expect((await worldStoreFor('test:lab').load()).world).toEqual({ 'train.py': 'print(1)\n' });

    // A new engine (a reload) hands the saved project to its worker.
    const again = engineWith(ready);
    await again.start();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: { 'train.py': 'print(1)\n' } });
  });

  it('a run sends only what it changed: changes and removals merge into the project, an unchanged store is kept, a run that changed nothing saves nothing', async () => {
    const store = { experiments: {}, runs: {}, logged_models: {}, registered_models: { m: { name: 'm', creation_timestamp: 1, last_updated_timestamp: 1, aliases: {}, versions: {} } } };
    const answers = [
      { changes: { files: { 'model.txt': 'v1', '.lab/tracking.json': JSON.stringify(store) }, removed: ['data/raw_data.csv'] }, tracking: store },
      { changes: { files: {}, removed: [] }, tracking: null },
    ];
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') {
        const answer = answers.shift()!;
        w.send({ ...resultFor(m, { tracking: answer.tracking as never }), changes: answer.changes });
      }
    }, 'test:delta');
    const saves: unknown[] = [];
    const save = vi.spyOn(worldStoreFor('test:delta'), 'save').mockImplementation((world) => (saves.push(world), Promise.resolve()));
    const first = await engine.run({ code: 'x', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    expect(engine.files).toEqual({ 'model.txt': 'v1', '.lab/tracking.json': JSON.stringify(store) });
    expect(Object.keys(first.outcome.tracking.registered_models)).toEqual(['m']);
    const second = await engine.run({ code: 'print(1)', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    expect(second.outcome.tracking).toEqual(first.outcome.tracking); // not sent again, still shown
    expect(saves).toHaveLength(1);
    save.mockRestore();
  });

  it('a ready engine posts the run at once, before anything else on the page runs', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') w.send(resultFor(m));
    });
    await engine.start();
    const posted = vi.spyOn(FakePort.prototype, 'postMessage');
    // Nothing awaited: the page's "Running…" render (queued as a microtask) must not hold the worker back.
    const running = engine.run({ code: 'print(1)\n', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    expect(posted.mock.calls.map(([m]) => (m as ToWorker).type)).toEqual(['run']);
    expect((await running).ended).toBeUndefined();
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
    const engine = engineWith(ready);
    await engine.start(); // the saved project is read (IndexedDB) before the clock is faked
    vi.useFakeTimers();
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

  it('an unreadable saved project is set aside with a notice', async () => {
    localStorage.setItem('test:broken', '{not json');
    const engine = engineWith(ready, 'test:broken');
    await engine.start();
    expect(engine.state.notice).toMatch(/could not be read/);
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: null });
    expect(Object.keys(localStorage).some((k) => k.startsWith('test:broken:unreadable:'))).toBe(true);
  });

  it('sends the lesson’s start project with init (and again after Reset lab), fetched once', async () => {
    const start = { files: { 'README.md': '# Mine\n' }, commit: 'Start', committed: ['README.md'], modules: ['lab'] };
    let loads = 0;
    const engine = new LabEngine('test:start', () => new ScriptedWorker(ready) as unknown as Worker, () => {
      loads++;
      return Promise.resolve(start);
    });
    await engine.start();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: null, start });
    await engine.resetLab();
    expect(ScriptedWorker.made).toHaveLength(2);
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: null, start });
    expect(loads).toBe(1);
  });

  it('start files that cannot be fetched: the engine says why, starts no Python, and fetches them again next time', async () => {
    let attempt = 0;
    const start = { files: {}, commit: 'Start', committed: [], modules: [] };
    const engine = new LabEngine('test:offline', () => new ScriptedWorker(ready) as unknown as Worker, () =>
      ++attempt === 1 ? Promise.reject(new Error('Failed to fetch dynamically imported module')) : Promise.resolve(start),
    );
    await expect(engine.start()).rejects.toThrow("The lab's start files could not be loaded (Failed to fetch dynamically imported module)");
    expect(engine.state).toMatchObject({ status: 'idle', error: "The lab's start files could not be loaded (Failed to fetch dynamically imported module)" });
    expect(ScriptedWorker.made[0]?.received).toEqual([]);
    await engine.start();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', start });
  });

  it('Reset lab forgets the saved project', async () => {
    localStorage.setItem('test:reset', JSON.stringify({ 'model.json': '{}' }));
    const engine = engineWith(ready, 'test:reset');
    await engine.resetLab();
    expect(localStorage.getItem('test:reset')).toBeNull();
    expect((await worldStoreFor('test:reset').load()).world).toBeNull();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', world: null });
  });

  it('with cross-origin isolation, Stop interrupts, and the stopped run’s time limit never ends the next run', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('crossOriginIsolated', true);
    let interrupts: Uint8Array | null = null;
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'init') interrupts = new Uint8Array(m.interrupt ?? new SharedArrayBuffer(1));
    });
    expect(engine.state.canInterrupt).toBe(true);
    const first = engine.run({ code: 'while True: pass', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    await vi.advanceTimersByTimeAsync(4_000);
    engine.stop();
    expect(interrupts?.[0]).toBe(2); // SIGINT for Python
    // Python raises KeyboardInterrupt; the runner reports a stopped run.
    const run1 = ScriptedWorker.made[0]!.received.find((m) => m.type === 'run')!;
    ScriptedWorker.made[0]!.send(resultFor(run1 as Extract<ToWorker, { type: 'run' }>, { stopped: true }));
    expect((await first).ended).toBe('stopped');

    const second = engine.run({ code: 'while True: pass', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    let ended: string | undefined;
    void second.then((r) => (ended = r.ended));
    await vi.advanceTimersByTimeAsync(9_000); // well past the first run's 10 s
    expect(ended).toBeUndefined();
    expect(engine.state.status).toBe('running');
    await vi.advanceTimersByTimeAsync(1_001 + 1_500); // its own limit, then the interrupt's grace
    expect(ended).toBe('time-limit');
    expect((await second).outcome.error?.message).toBe('The program ran longer than 10 s and was stopped.');
  });

  describe('the time limit counts the learner’s program, not the lab’s work around it', () => {
    type Step = { at: number; send: 'running' | 'ended' | 'result' | 'stopped-result' };
    // [what the worker does at which time (ms after the Run), how the run ends]; limit 10 s, isolated.
    const cases: [string, Step[], string | undefined][] = [
      ['9 s of bookkeeping before and after a 9 s program', [{ at: 9_000, send: 'running' }, { at: 18_000, send: 'ended' }, { at: 27_000, send: 'result' }], undefined],
      ['a program past its own 10 s', [{ at: 5_000, send: 'running' }, { at: 15_200, send: 'stopped-result' }], 'time-limit'],
      // The interrupt was sent at 10 s, but the program had finished in the grace time: it finished.
      ['a result arriving in the interrupt’s grace time', [{ at: 10_500, send: 'result' }], undefined],
    ];
    it.each(cases)('%s', async (_, steps, ended) => {
      vi.useFakeTimers();
      vi.stubGlobal('crossOriginIsolated', true);
      const engine = engineWith(ready);
      let result: Awaited<ReturnType<LabEngine['run']>> | undefined;
      void engine.run({ code: 'train()', filename: 'train.py', variables: [], timeLimitMs: 10_000 }).then((r) => (result = r));
      const posted = () => ScriptedWorker.made[0]?.received.find((x) => x.type === 'run') as Extract<ToWorker, { type: 'run' }> | undefined;
      for (let i = 0; i < 100 && !posted(); i++) await vi.advanceTimersByTimeAsync(1);
      const worker = ScriptedWorker.made[0]!;
      const m = posted()!;
      let now = 0;
      for (const step of steps) {
        await vi.advanceTimersByTimeAsync(step.at - now);
        now = step.at;
        if (step.send === 'running' || step.send === 'ended') worker.send({ type: 'clock', id: m.id, nonce: m.nonce, program: step.send });
        else worker.send(resultFor(m, { stopped: step.send === 'stopped-result', variables: { accuracy: 0.9 } }));
        await flushMicrotasks();
      }
      expect(result).toBeDefined();
      expect(result?.ended).toBe(ended);
      expect(worker.terminated).toBe(false); // the result was the worker's own, never a replacement's
      if (!ended) expect(result?.outcome.variables).toEqual({ accuracy: 0.9 });
    });
  });

  it('a result posted on the worker’s global channel (learner code) is ignored', async () => {
    const engine = engineWith(ready);
    await engine.start();
    const running = engine.run({ code: 'import js', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    await flushMicrotasks();
    const worker = ScriptedWorker.made[0]!;
    const run = worker.received.find((m) => m.type === 'run') as Extract<ToWorker, { type: 'run' }>;
    // Even knowing the id (but not over the port), a forged pass changes nothing.
    worker.postGlobally({ ...resultFor(run, { variables: { accuracy: 1 } }), nonce: 'guessed' });
    worker.postGlobally(resultFor(run, { variables: { accuracy: 1 } }));
    await flushMicrotasks();
    expect(engine.state.status).toBe('running');
    engine.stop();
    const result = await running;
    expect(result.ended).toBe('stopped');
    expect(result.outcome.variables).toEqual({});
  });

  it('a saved project the worker could not lay out is reported, next to Reset lab', async () => {
    const engine = engineWith((w, m) => {
      if (m.type === 'init') w.send({ type: 'ready', world: { 'README.md': 'x' }, setAside: ["its files could not be written (EIO: /home/lab/data)"] });
    });
    await engine.start();
    expect(engine.state.notice).toBe(
      'The saved lab could not be set up whole (its files could not be written (EIO: /home/lab/data)): every file that could be is back, and the whole saved copy was kept aside in this browser — download it to recover the rest.',
    );
    expect(engine.state.setAside).toBe(true);
    expect(engine.setAsideJson()).not.toBeNull();
  });

  it('a result with the wrong nonce is refused, visibly, and nothing from it is used', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') w.send({ ...resultFor(m, { variables: { accuracy: 1 } }), nonce: 'forged', world: { 'evil.txt': 'x' } });
    });
    const result = await engine.run({ code: 'x = 1', filename: 'train.py', variables: ['accuracy'], timeLimitMs: 10_000 });
    expect(result.ended).toBe('refused');
    expect(result.outcome.variables).toEqual({});
    expect(result.outcome.error?.message).toBe(
      "The lab refused a malformed message from the Python engine (result: the run's nonce does not match), so nothing from it was used. The engine was restarted.",
    );
    expect(engine.files).not.toHaveProperty('evil.txt');
    expect(ScriptedWorker.made[0]?.terminated).toBe(true);
    expect(ScriptedWorker.made).toHaveLength(2);
  });

  it('a malformed result is refused with where it is malformed', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') w.send({ ...resultFor(m), outcome: { ...outcome(), training: [{ learning_rate: 'fast' }] } });
    });
    const result = await engine.run({ code: 'x = 1', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    expect(result.ended).toBe('refused');
    expect(result.outcome.error?.message).toMatch(/^The lab refused a malformed message from the Python engine \(outcome\.training\.0\.learning_rate: expected number\)/);
  });

  it('a malformed message while loading is an engine that could not start', async () => {
    const engine = engineWith((w, m) => {
      if (m.type === 'init') w.send({ type: 'ready', world: { 'a.txt': 42 } });
    });
    await expect(engine.start()).rejects.toThrow(/refused a malformed message.*world\.a\.txt/);
    expect(engine.state.status).toBe('idle');
  });

  it('the page keeps a bounded amount of output whatever the worker sends', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'run') {
        for (let i = 0; i < 2; i++) w.send({ type: 'output', id: m.id, nonce: m.nonce, chunks: [{ stream: 'stdout', text: 'x'.repeat(300 * 1024) }] });
        w.send({ ...resultFor(m), chunks: [{ stream: 'stdout', text: 'x'.repeat(300 * 1024) }] });
      }
    });
    const result = await engine.run({ code: 'print()', filename: 'train.py', variables: [], timeLimitMs: 10_000 });
    const shown = result.output.filter((c) => c.stream === 'stdout').reduce((n, c) => n + c.text.length, 0);
    expect(shown).toBe(128 * 1024);
    // 3 × 300 KiB sent, 128 KiB kept.
    expect(result.output.at(-1)).toEqual({ stream: 'lab', text: '… 790,528 more characters of output not shown\n' });
  });

  it('a console request is answered over the port with its nonce', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'request') w.send({ type: 'response', id: m.id, nonce: m.nonce, exchange: { method: 'GET', path: '/', body: null, status: 200, json: { ok: true } }, log: [] });
    });
    const answer = await engine.request({ method: 'GET', path: '/' });
    expect(answer.exchange).toMatchObject({ status: 200, json: { ok: true } });
  });

  it('a console request that never returns is stopped at its time limit (interrupt)', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    let interrupts: Uint8Array | null = null;
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'init') interrupts = new Uint8Array(m.interrupt ?? new SharedArrayBuffer(1));
    });
    await engine.start(); // with real timers: the saved project is read from IndexedDB first
    vi.useFakeTimers();
    const asking = engine.request({ method: 'POST', path: '/predict', body: {} }, 10_000);
    const settled = asking.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(interrupts?.[0]).toBe(2);
    // The endpoint's loop gets KeyboardInterrupt; the worker says so.
    const m = ScriptedWorker.made[0]!.received.find((x) => x.type === 'request') as Extract<ToWorker, { type: 'request' }>;
    ScriptedWorker.made[0]!.send({ type: 'request-failed', id: m.id, nonce: m.nonce, message: 'KeyboardInterrupt', interrupted: true });
    expect(await settled).toBe('The request ran longer than 10 s and was stopped.');
    expect(ScriptedWorker.made).toHaveLength(1); // the engine stays as it is
  });

  it('a console request that never returns, without isolation, replaces the worker and settles', async () => {
    const engine = engineWith(ready);
    await engine.start(); // with real timers: the saved project is read from IndexedDB first
    vi.useFakeTimers();
    const settled = engine.request({ method: 'GET', path: '/loop' }, 5_000).catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(5_001);
    expect(await settled).toBe('The request ran longer than 5 s and was stopped.');
    expect(ScriptedWorker.made[0]?.terminated).toBe(true);
    expect(ScriptedWorker.made).toHaveLength(2);
  });

  it('a console request still waiting when the worker is replaced is told why', async () => {
    const engine = engineWith((w, m) => {
      ready(w, m);
      if (m.type === 'request') w.send({ type: 'fatal', id: null, message: 'RangeError: Maximum call stack size exceeded' });
    });
    await engine.start();
    await expect(engine.request({ method: 'GET', path: '/' })).rejects.toThrow('The Python engine crashed (RangeError: Maximum call stack size exceeded) and was restarted.');
    expect(engine.state.error).toBeNull();
    expect(ScriptedWorker.made).toHaveLength(2);
  });
});

describe('LabEngine and Python’s snapshot: the page keeps it, the worker only receives it (issue 21)', () => {
  function memoryStore(kept: { key: string; bytes: Uint8Array } | null) {
    const calls: string[] = [];
    return {
      calls,
      find: () => (calls.push('find'), Promise.resolve(kept)),
      write: (key: string) => (calls.push(`write ${key}`), Promise.resolve()),
      clear: () => (calls.push('clear'), Promise.resolve()),
    };
  }
  const withSnapshot = (answer: 'used' | 'missing' | 'failed') => (w: ScriptedWorker, m: ToWorker) => {
    if (m.type === 'init') w.send({ type: 'ready', world: {}, snapshot: answer });
  };

  it('the kept snapshot goes to the worker with init; a worker that could not use it has it forgotten and a new one scheduled', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const store = memoryStore({ key: 'build-1', bytes });
    const makers: string[] = [];
    const engine = new LabEngine('test:snap', () => new ScriptedWorker(withSnapshot('failed')) as unknown as Worker, undefined, () => (makers.push('maker'), {}) as unknown as Worker, store);
    await engine.start();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', snapshot: { key: 'build-1', bytes } });
    await flushMicrotasks();
    expect(store.calls).toEqual(['find', 'clear']);
  });

  it('a snapshot that was used stays; none kept means init offers none', async () => {
    const used = memoryStore({ key: 'build-1', bytes: new Uint8Array([9]) });
    await new LabEngine('test:snap2', () => new ScriptedWorker(withSnapshot('used')) as unknown as Worker, undefined, undefined, used).start();
    await flushMicrotasks();
    // Read for the lab's start (the judge reads it again only once the lab is idle); never cleared or rewritten.
    expect(used.calls).toEqual(['find']);
    const none = memoryStore(null);
    await new LabEngine('test:snap3', () => new ScriptedWorker(withSnapshot('missing')) as unknown as Worker, undefined, undefined, none).start();
    expect(ScriptedWorker.made.at(-1)?.received[0]).toMatchObject({ type: 'init', snapshot: null });
  });
});
