// A saved world is checked before the lab lays it out (issue 11 §4); a bad entry costs only
// itself (issue 21); any file the learner can make is saved and read back (issue 22).
import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile, setAsideNotice, validateWorld, withChanges } from '../../src/lab/worldFiles';

const binary = encodeFile(Uint8Array.from([0, 1, 2, 255]));

describe('validateWorld', () => {
  it('accepts a world as snapshotWorld saves it: text, binary, nested folders', () => {
    const world = { 'README.md': '# Pump\n', '.git/index': binary, 'data/live/batch_01.csv': 'a,b\n1,2\n', 'notes/😀.txt': 'ok 😀' };
    expect(validateWorld(world)).toEqual({ world, problems: [] });
    expect(decodeFile(binary)).toEqual(Uint8Array.from([0, 1, 2, 255]));
  });

  it('accepts an empty world: a project whose files were all deleted', () => {
    expect(validateWorld({})).toEqual({ world: {}, problems: [] });
  });

  it('refuses what is not a set of files', () => {
    for (const bad of [null, [], 'text', 42]) expect(validateWorld(bad)).toEqual({ world: null, problems: ['the saved lab is not a set of files'] });
  });

  it.each([
    ['an empty path', { '': 'x' }, 'a file has an empty path'],
    ['an absolute path', { '/etc/passwd': 'x' }, '"/etc/passwd": the path is absolute, not inside the project'],
    ['a ../ path', { '../escape.py': 'x' }, '"../escape.py": the path leads out of the project ("..")'],
    ['a .. part inside', { 'data/../../x': 'x' }, '"data/../../x": the path leads out of the project ("..")'],
    ['a NUL in a path', { 'a\u0000b': 'x' }, '"a\\u0000b": a path cannot contain a NUL character'],
    ['an empty part', { 'data//x.csv': 'x' }, '"data//x.csv": the path has an empty or "." part'],
    ['a trailing slash', { 'data/': 'x' }, '"data/": the path has an empty or "." part'],
    ['a "." part', { './x.py': 'x' }, '"./x.py": the path has an empty or "." part'],
    ['bad base64', { '.git/index': '\u0000base64:not base64!' }, '".git/index": the binary content is not valid base64'],
    ['base64 of the wrong length', { '.git/index': '\u0000base64:AAA' }, '".git/index": the binary content is not valid base64'],
    ['a NUL in text', { 'x.txt': 'a\u0000b' }, '"x.txt": the text holds a NUL character, which a saved text file never does'],
    ['a lone surrogate', { 'x.txt': 'a\uD800b' }, '"x.txt": the text is not valid Unicode'],
    ['a value that is not a string', { 'x.txt': 3 }, '"x.txt": the saved content is not a string'],
    ['a file/folder clash', { data: 'x', 'data/raw_data.csv': 'y' }, '"data" is both a file and the folder of "data/raw_data.csv"', { data: 'x' }],
  ])('keeps the good files and leaves out %s, naming the reason', (_name, files, problem, kept: Record<string, string> = {}) => {
    const check = validateWorld({ 'README.md': 'fine\n', ...files });
    expect(check).toEqual({ world: { 'README.md': 'fine\n', ...kept }, problems: [problem] });
  });

  it('lists every problem, not just the first', () => {
    expect(validateWorld({ '': 'x', '../y': 'y' }).problems).toHaveLength(2);
  });
});

describe('setAsideNotice', () => {
  it('names the first problem, counts the others, and says the saved copy can be downloaded', () => {
    expect(setAsideNotice(['a file has an empty path'])).toBe(
      'The saved lab could not be set up whole (a file has an empty path): every file that could be is back, and the whole saved copy was kept aside in this browser — download it to recover the rest.',
    );
    expect(setAsideNotice(validateWorld({ '': 'x', '../y': 'y', '/z': 'z' }).problems)).toMatch(/^The saved lab could not be set up whole \(a file has an empty path; 2 more problems\):/);
  });
});

describe('files of any size are saved and read back', () => {
  const MB = 1024 * 1024;
  const bytes = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (i * 7919) & 0xff; // every byte value, NULs included: binary
    return out;
  };
  it.each([
    ['an empty binary', 0],
    ['a 3 byte binary (base64 padding)', 3],
    ['a 4 MB binary (the old base64 check overflowed the stack near 3.5 MB)', 4 * MB],
    ['a 20 MB binary', 20 * MB],
  ])('%s', (_, size) => {
    const data = bytes(size);
    const saved = encodeFile(data);
    const world = { 'data/blob.bin': saved };
    expect(validateWorld(world).problems).toEqual([]);
    const back = decodeFile(saved) as Uint8Array;
    // Compared as bytes in one go (toEqual walks a 20 MB array element by element).
    expect(Buffer.from(back).equals(Buffer.from(data))).toBe(true);
  });

  it('a 12 MB CSV (text) stays text and validates', () => {
    const csv = 'a,b\n' + '1.25,0.5\n'.repeat((12 * MB) / 9);
    const saved = encodeFile(new TextEncoder().encode(csv));
    expect(saved).toBe(csv);
    expect(validateWorld({ 'data/big.csv': saved }).problems).toEqual([]);
  });
});

describe('withChanges', () => {
  it('gives the project after a Run and leaves the one before it as it was (the judge and the saved project compare with it)', () => {
    const before = { 'README.md': '# Pump\n', 'train.py': 'print(1)\n', 'old.txt': 'x' };
    const after = withChanges(before, { files: { 'train.py': 'print(2)\n', 'new.txt': 'n' }, removed: ['old.txt'] });
    expect(after).toEqual({ 'README.md': '# Pump\n', 'train.py': 'print(2)\n', 'new.txt': 'n' });
    expect(before).toEqual({ 'README.md': '# Pump\n', 'train.py': 'print(1)\n', 'old.txt': 'x' });
  });
});
