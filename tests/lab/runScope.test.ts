// What a run starts in the worker ends with it (src/lab/worker/runScope.ts): timers,
// intervals and message channels started through the worker's globals, also when the
// program reaches for the prototype's functions; the lab's own timers are not touched.
import { describe, expect, it } from 'vitest';
import { scopeRuns } from '../../src/lab/worker/runScope';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker-like global: the timer functions live on its prototype, as WebIDL puts them. */
function fakeWorkerGlobal() {
  const proto = { setTimeout, clearTimeout, setInterval, clearInterval, MessageChannel };
  return Object.create(proto) as typeof globalThis;
}

describe('scopeRuns', () => {
  it('an interval and a timeout a run started stop at its end; what the lab starts with its own functions goes on', async () => {
    const g = fakeWorkerGlobal();
    const runs = scopeRuns(g);
    let ticks = 0;
    let late = false;
    let own = false;
    g.setInterval(() => ticks++, 5);
    g.setTimeout(() => (late = true), 60);
    runs.own.setTimeout(() => (own = true), 60);
    await wait(40);
    expect(ticks).toBeGreaterThan(0);
    expect(runs.end()).toBe(2);
    const atEnd = ticks;
    await wait(120);
    expect(ticks).toBe(atEnd);
    expect(late).toBe(false);
    expect(own).toBe(true);
  });

  it('the prototype’s functions are the scoped ones too, and cannot be put back', async () => {
    const g = fakeWorkerGlobal();
    const runs = scopeRuns(g);
    const proto = Object.getPrototypeOf(g) as typeof globalThis;
    let ticks = 0;
    proto.setInterval.call(g, () => ticks++, 5);
    expect(() => Object.assign(proto, { setInterval })).toThrow();
    runs.end();
    const atEnd = ticks;
    await wait(60);
    expect(ticks).toBe(atEnd);
  });

  it('a message channel a run opened is closed at its end: no more messages arrive', async () => {
    const g = fakeWorkerGlobal();
    const runs = scopeRuns(g);
    const channel = new g.MessageChannel();
    const got: unknown[] = [];
    channel.port2.onmessage = (e) => got.push(e.data);
    channel.port1.postMessage('during');
    await wait(30);
    runs.end();
    channel.port1.postMessage('after');
    await wait(30);
    expect(got).toEqual(['during']);
    expect(channel).toBeInstanceOf(MessageChannel);
  });
});
