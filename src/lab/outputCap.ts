// A run's output, capped by bytes and lines at the source (the worker's write
// handlers), so neither the worker nor the page ever holds a huge string: the
// first HEAD of the output streams live, the last TAIL is kept in a bounded
// buffer, and the middle is counted and replaced by one marker line.
import type { OutputChunk } from './types';

export interface OutputLimits {
  headBytes: number;
  headLines: number;
  tailBytes: number;
  tailLines: number;
}

/**
 * About 80 KB per run at most: 5000 short lines, or the start and end of a long
 * one. Enough for any lesson, and small enough for the page to draw in a blink
 * on a slow machine (a 256 KB console cost ~1 s of layout on a loaded 2-core box).
 */
export const OUTPUT_LIMITS: OutputLimits = { headBytes: 64 * 1024, headLines: 5000, tailBytes: 16 * 1024, tailLines: 100 };

type Stream = OutputChunk['stream'];
const NEWLINE = 0x0a;
const encoder = new TextEncoder();

function countNewlines(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE, from); i !== -1 && i < to; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** Back `end` off to the start of a UTF-8 character, so a cut never splits one. */
function charBoundary(bytes: Uint8Array, end: number): number {
  let i = end;
  while (i > 0 && i < bytes.length && ((bytes[i] ?? 0) & 0xc0) === 0x80) i--;
  return i;
}

export function omittedMarker(bytes: number, lines: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `… ${n(bytes)} bytes${lines > 0 ? ` (${n(lines)} lines)` : ''} of output not shown\n`;
}

export class OutputCap {
  private decoders: Record<Stream, TextDecoder> = { stdout: new TextDecoder(), stderr: new TextDecoder(), lab: new TextDecoder() };
  private pending: OutputChunk[] = [];
  private headBytes = 0;
  private headLines = 0;
  private full = false;
  private endsWithNewline = true;
  /** Everything after the head, counted; only its last tailBytes are kept. */
  private afterBytes = 0;
  private afterLines = 0;
  private tail: { stream: Stream; bytes: Uint8Array }[] = [];
  private tailSize = 0;

  constructor(private readonly limits: OutputLimits = OUTPUT_LIMITS) {}

  /** Raw bytes from a stream (Pyodide's `write` handler); the buffer may be reused by the caller, so nothing keeps it. */
  write(stream: Stream, bytes: Uint8Array) {
    let start = 0;
    if (!this.full) {
      let end = Math.min(bytes.length, this.limits.headBytes - this.headBytes);
      // Stop after the last line that fits.
      let lines = this.headLines;
      for (let i = bytes.indexOf(NEWLINE); i !== -1 && i < end; i = bytes.indexOf(NEWLINE, i + 1)) {
        if (++lines === this.limits.headLines) {
          end = i + 1;
          break;
        }
      }
      if (end < bytes.length) end = charBoundary(bytes, end);
      this.append(stream, this.decoders[stream].decode(bytes.subarray(0, end), { stream: true }));
      this.headBytes += end;
      this.headLines = lines;
      start = end;
      this.full = end < bytes.length || this.headBytes >= this.limits.headBytes || this.headLines >= this.limits.headLines;
      if (start >= bytes.length) return;
    }
    this.afterBytes += bytes.length - start;
    this.afterLines += countNewlines(bytes, start);
    const keepFrom = Math.max(start, bytes.length - this.limits.tailBytes);
    this.tail.push({ stream, bytes: bytes.slice(keepFrom) });
    this.tailSize += bytes.length - keepFrom;
    while (this.tail.length > 1 && this.tailSize - (this.tail[0]?.bytes.length ?? 0) >= this.limits.tailBytes) {
      this.tailSize -= this.tail.shift()?.bytes.length ?? 0;
    }
  }

  /** Text written by the lab itself (the shell's transcript), capped the same way. */
  writeText(stream: Stream, text: string) {
    this.write(stream, encoder.encode(text));
  }

  private append(stream: OutputChunk['stream'], text: string) {
    if (!text) return;
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.pending.push({ stream, text });
    this.endsWithNewline = text.endsWith('\n');
  }

  /** The output to show since the last call. */
  take(): OutputChunk[] {
    const chunks = this.pending;
    this.pending = [];
    return chunks;
  }

  /** End of the run: any partial character, then the marker and the kept tail. */
  finish(): { chunks: OutputChunk[]; omittedBytes: number; omittedLines: number } {
    for (const stream of ['stdout', 'stderr', 'lab'] as const) this.append(stream, this.decoders[stream].decode());
    let omittedBytes = 0;
    let omittedLines = 0;
    if (this.afterBytes > 0) {
      const tail = this.keptTail();
      const shownBytes = tail.reduce((n, c) => n + c.bytes.length, 0);
      const shownLines = tail.reduce((n, c) => n + countNewlines(c.bytes), 0);
      omittedBytes = this.afterBytes - shownBytes;
      omittedLines = this.afterLines - shownLines;
      if (omittedBytes > 0) this.append('lab', `${this.endsWithNewline ? '' : '\n'}${omittedMarker(omittedBytes, omittedLines)}`);
      const decoder = new TextDecoder();
      for (const c of tail) this.append(c.stream, decoder.decode(c.bytes, { stream: true }));
      this.append(tail.at(-1)?.stream ?? 'stdout', decoder.decode());
    }
    return { chunks: this.take(), omittedBytes, omittedLines };
  }

  /** The last tailBytes and tailLines of the output after the head, starting at a line (or at least a character). */
  private keptTail(): { stream: Stream; bytes: Uint8Array }[] {
    const all = new Uint8Array(this.tailSize);
    const streams: { at: number; stream: Stream }[] = [];
    let at = 0;
    for (const c of this.tail) {
      all.set(c.bytes, at);
      streams.push({ at, stream: c.stream });
      at += c.bytes.length;
    }
    let from = Math.max(0, all.length - this.limits.tailBytes);
    if (from > 0 || this.tailSize < this.afterBytes) {
      // Start after a line break when one is in reach, so the tail starts at a line.
      const nl = all.indexOf(NEWLINE, from);
      if (nl !== -1 && nl + 1 < all.length) from = nl + 1;
      else while (from < all.length && ((all[from] ?? 0) & 0xc0) === 0x80) from++;
    }
    // At most tailLines lines (the last one may lack its newline).
    let lines = 0;
    for (let i = all.length - 2; i >= from; i--) {
      if (all[i] === NEWLINE && ++lines === this.limits.tailLines) {
        from = i + 1;
        break;
      }
    }
    return streams
      .map((s, k) => ({ stream: s.stream, bytes: all.subarray(Math.max(s.at, from), streams[k + 1]?.at ?? all.length) }))
      .filter((c) => c.bytes.length > 0);
  }
}
