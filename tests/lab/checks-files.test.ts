// File checks judge the project the run left behind: the bytes in the file,
// never the commands that made it.
import { describe, expect, it } from 'vitest';
import { judge } from '../../src/lab/checks/checks';
import type { Check } from '../../src/content/schema';
import type { RunResult, WorldFiles } from '../../src/lab/types';
import { encodeFile } from '../../src/lab/worldFiles';

const result = { outcome: { newRuns: [] }, output: [], truncatedLines: 0, durationMs: 0 } as unknown as RunResult;
const counts: Check = { kind: 'file-matches', path: 'reports/class_counts.txt', pattern: '^\\s*102 1$', fix: 'Count the rows of each class.' };
const judged = (files: WorldFiles, check: Check = counts) => judge(check, { result, files });

describe('file-matches checks', () => {
  it('pass when a line of the file matches, whatever made it', () => {
    expect(judged({ 'reports/class_counts.txt': '   1498 0\n    102 1\n' })).toEqual({ pass: true, detail: '' });
    expect(judged({ 'reports/class_counts.txt': '102 1\n' }).pass).toBe(true);
  });

  it('fail with the instructor\'s fix when the text is wrong', () => {
    expect(judged({ 'reports/class_counts.txt': '1601 data/payments.csv\n' })).toEqual({ pass: false, detail: 'Count the rows of each class.' });
    // ^ and $ bind to lines: "1102 1" is not "102 1".
    expect(judged({ 'reports/class_counts.txt': '   1102 1\n' }).pass).toBe(false);
  });

  it('say which file is missing, or that it is not text', () => {
    expect(judged({})).toEqual({ pass: false, detail: 'There is no file reports/class_counts.txt.' });
    expect(judged({ 'reports/class_counts.txt': encodeFile(new Uint8Array([0, 159, 146, 150])) })).toEqual({
      pass: false,
      detail: 'reports/class_counts.txt is not a text file.',
    });
  });

  it('fall back to a plain message without a fix', () => {
    const { fix: _fix, ...bare } = counts as Extract<Check, { kind: 'file-matches' }>;
    expect(judged({ 'reports/class_counts.txt': 'nothing\n' }, bare).detail).toBe('reports/class_counts.txt does not hold what this check looks for.');
  });
});
