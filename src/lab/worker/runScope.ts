// What a run leaves behind ends with it (issue 21): timers (`js.setInterval(proxy, 10)`,
// asyncio's call_later), animation frames and message channels that the learner's code
// started. The worker's global functions are replaced, on the global and on every
// prototype that holds them (so `Object.getPrototypeOf(self).setTimeout` is ours too),
// with ones that remember what they start; `end()` clears it all. The lab's own code
// uses the originals, which only this module's caller holds.

type Timer = (handler: unknown, ms?: number, ...args: unknown[]) => number;
type Clear = (id: number | undefined) => void;

export interface Originals {
  setTimeout: Timer;
  clearTimeout: Clear;
}

interface Kind {
  start: string;
  clear: string;
}

const KINDS: Kind[] = [
  { start: 'setTimeout', clear: 'clearTimeout' },
  { start: 'setInterval', clear: 'clearInterval' },
  { start: 'requestAnimationFrame', clear: 'cancelAnimationFrame' },
];

/** Put `value` as `name` on `target` and on every prototype that has its own `name`, fixed. */
function replaceEverywhere(target: object, name: string, value: unknown) {
  let placed = false;
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      Object.defineProperty(o, name, { value, writable: false, configurable: false, enumerable: false });
      placed = true;
    }
  }
  if (!placed) Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
}

/**
 * Take over `global`'s timers and message channels. Returns the lab's own
 * timer functions (the originals) and `end`, which stops whatever was started
 * through the global ones since the last `end`.
 */
export function scopeRuns(global: typeof globalThis): { own: Originals; end: () => number } {
  const g = global as unknown as Record<string, unknown>;
  const live: (() => void)[] = [];
  const originals: Record<string, (...a: unknown[]) => unknown> = {};
  for (const { start, clear } of KINDS) {
    const startFn = g[start];
    const clearFn = g[clear];
    if (typeof startFn !== 'function' || typeof clearFn !== 'function') continue;
    const realStart = (startFn as (...a: unknown[]) => unknown).bind(global);
    const realClear = (clearFn as (...a: unknown[]) => unknown).bind(global);
    originals[start] = realStart;
    originals[clear] = realClear;
    replaceEverywhere(global, start, (...args: unknown[]) => {
      const id = realStart(...args);
      live.push(() => realClear(id));
      return id;
    });
  }
  const RealChannel = g.MessageChannel as (new () => MessageChannel) | undefined;
  if (typeof RealChannel === 'function') {
    const Tracked = function MessageChannel() {
      const channel = new RealChannel();
      live.push(() => {
        channel.port1.close();
        channel.port2.close();
      });
      return channel;
    } as unknown as new () => MessageChannel;
    Tracked.prototype = RealChannel.prototype;
    replaceEverywhere(global, 'MessageChannel', Tracked);
  }
  return {
    own: { setTimeout: originals.setTimeout as Timer, clearTimeout: originals.clearTimeout as Clear },
    end() {
      const ended = live.length;
      for (const stop of live.splice(0)) stop();
      return ended;
    },
  };
}
