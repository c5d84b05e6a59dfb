// Where the lab's Python snapshot (src/lab/worker/snapshot.ts) is kept: Cache
// Storage, read and written by the page only. The lab's worker never has
// `caches` (worker.ts cuts it before anything else runs), so nothing a program
// does can plant a heap for the next start; and the page restores only bytes
// whose SHA-256 digest it recorded when it stored them (issue 21).
import type { OfferedSnapshot } from '../protocol';

/** Where snapshots are kept: one at a time, the current build's. */
export interface SnapshotStore {
  /** The kept snapshot, if its bytes are whole and match their recorded digest; null otherwise (and a bad one is forgotten). */
  find(): Promise<OfferedSnapshot | null>;
  /** Keep `bytes` as the snapshot for `key`, dropping any other. */
  write(key: string, bytes: Uint8Array): Promise<void>;
  /** Forget every snapshot (one failed to restore). */
  clear(): Promise<void>;
}

const CACHE_NAME = 'lab-python-snapshot';
/** The record of what was kept: its key, length and digest, in the page's own storage (not beside the bytes). */
const RECORD_KEY = 'lab-python-snapshot';

interface SnapshotRecord {
  key: string;
  bytes: number;
  sha256: string;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function readRecord(storage: Storage): SnapshotRecord | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(RECORD_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { key, bytes, sha256 } = value as Record<string, unknown>;
    return typeof key === 'string' && typeof bytes === 'number' && typeof sha256 === 'string' ? { key, bytes, sha256 } : null;
  } catch {
    return null;
  }
}

/**
 * Snapshots in Cache Storage, their digests in `records` (the page's
 * localStorage). Failing to look reads as "no snapshot": the lab then starts
 * as it always did.
 */
export function cacheStorageStore(storage: CacheStorage, records: Storage, origin: string): SnapshotStore {
  const url = (key: string) => `${origin}/__lab-python-snapshot/${encodeURIComponent(key)}`;
  const clear = async () => {
    try {
      records.removeItem(RECORD_KEY);
      await storage.delete(CACHE_NAME);
    } catch {
      /* nothing kept, nothing to forget */
    }
  };
  return {
    async find() {
      const record = readRecord(records);
      if (!record) return null;
      try {
        // storage.match, not open(): looking must not create the cache.
        const response = await storage.match(url(record.key), { cacheName: CACHE_NAME });
        if (!response) return null;
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes.length === record.bytes && (await sha256Hex(bytes)) === record.sha256) return { key: record.key, bytes };
      } catch {
        return null;
      }
      // Cut short or changed since the page kept it: never restored.
      await clear();
      return null;
    },
    async write(key, bytes) {
      const cache = await storage.open(CACHE_NAME);
      for (const request of await cache.keys()) await cache.delete(request);
      const sha256 = await sha256Hex(bytes);
      await cache.put(url(key), new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/octet-stream' } }));
      records.setItem(RECORD_KEY, JSON.stringify({ key, bytes: bytes.length, sha256 } satisfies SnapshotRecord));
    },
    clear,
  };
}

/** The page's store, where the browser has Cache Storage and localStorage (a secure context); else none, and every start is a plain one. */
export function pageSnapshotStore(): SnapshotStore | null {
  try {
    if (typeof caches === 'undefined' || typeof localStorage === 'undefined') return null;
    return cacheStorageStore(caches, localStorage, location.origin);
  } catch {
    return null;
  }
}
