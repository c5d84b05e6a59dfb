// A saved world is checked before the lab lays it out (issue 11 §4).
import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile, setAsideNotice, validateWorld } from '../../src/lab/worldFiles';

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
    ['a file/folder clash', { data: 'x', 'data/raw_data.csv': 'y' }, '"data" is both a file and the folder of "data/raw_data.csv"'],
  ])('refuses the whole world for %s, naming the reason', (_name, files, problem) => {
    const check = validateWorld({ 'README.md': 'fine\n', ...files });
    expect(check).toEqual({ world: null, problems: [problem] });
  });

  it('lists every problem, not just the first', () => {
    expect(validateWorld({ '': 'x', '../y': 'y' }).problems).toHaveLength(2);
  });
});

describe('setAsideNotice', () => {
  it('names the first problem and counts the others', () => {
    expect(setAsideNotice(['a file has an empty path'])).toBe(
      'The saved lab could not be set up (a file has an empty path), so it started from its starting files; the old data was kept aside in this browser.',
    );
    expect(setAsideNotice(validateWorld({ '': 'x', '../y': 'y', '/z': 'z' }).problems)).toMatch(/^The saved lab could not be set up \(a file has an empty path; 2 more problems\), so/);
  });
});
