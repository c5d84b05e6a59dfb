// The worker's output cap: what the console shows when a program prints a lot
// (the first part live, a marker with what was left out, then the last lines).
import { describe, expect, it } from 'vitest';
import { OutputCap, OUTPUT_LIMITS, type OutputLimits } from '../../src/lab/outputCap';
import type { OutputChunk } from '../../src/lab/types';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (chunks: OutputChunk[]) => chunks.map((c) => c.text).join('');
const small: OutputLimits = { headBytes: 40, headLines: 3, tailBytes: 20, tailLines: 2 };

describe('OutputCap', () => {
  it('passes small output through as it comes, a partial last line included', () => {
    const cap = new OutputCap();
    cap.write('stdout', bytes('epoch 1\n'));
    cap.write('stderr', bytes('warning\n'));
    cap.write('stdout', bytes('partial'));
    expect(cap.take()).toEqual([
      { stream: 'stdout', text: 'epoch 1\n' },
      { stream: 'stderr', text: 'warning\n' },
      { stream: 'stdout', text: 'partial' },
    ]);
    expect(cap.finish()).toEqual({ chunks: [], omittedBytes: 0, omittedLines: 0 });
  });

  it('keeps the first lines and the last ones, and says how much is left out between', () => {
    const cap = new OutputCap(small);
    for (let i = 0; i < 10; i++) cap.write('stdout', bytes(`line ${i}\n`));
    expect(text(cap.take())).toBe('line 0\nline 1\nline 2\n');
    const end = cap.finish();
    // 7 lines after the head (line 3 … line 9, 7 bytes each); the last 2 are kept.
    expect(end).toEqual({
      chunks: [
        { stream: 'lab', text: '… 35 bytes (5 lines) of output not shown\n' },
        { stream: 'stdout', text: 'line 8\nline 9\n' },
      ],
      omittedBytes: 35,
      omittedLines: 5,
    });
  });

  it('cuts one huge line by bytes without holding it, never splitting a character', () => {
    const cap = new OutputCap(small);
    const huge = `${'é'.repeat(1_000_000)}\n`; // 2 bytes a character
    cap.write('stdout', bytes(huge));
    const head = text(cap.take());
    expect(head).toBe('é'.repeat(20));
    const end = cap.finish();
    expect(end.chunks[0]).toEqual({ stream: 'lab', text: `\n… ${(2_000_001 - 40 - 19).toLocaleString('en-US')} bytes of output not shown\n` });
    expect(end.chunks[1]).toEqual({ stream: 'stdout', text: `${'é'.repeat(9)}\n` });
  });

  it('the default limits keep a run under about 80 KB', () => {
    const cap = new OutputCap();
    const line = bytes(`${'x'.repeat(1_000_000)}\n`);
    for (let i = 0; i < 100; i++) cap.write('stdout', line);
    // 100,000,100 bytes: the first 64 KiB of line 1 and the last 16 KiB of line 100 are shown.
    const shown = text(cap.take()) + text(cap.finish().chunks);
    expect(shown.length).toBeLessThanOrEqual(OUTPUT_LIMITS.headBytes + OUTPUT_LIMITS.tailBytes + 100);
    expect(shown.match(/… [\d,]+ bytes \(\d+ lines\) of output not shown\n/)?.[0]).toBe('… 99,918,180 bytes (99 lines) of output not shown\n');
  });
});
