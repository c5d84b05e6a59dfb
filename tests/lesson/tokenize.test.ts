import { describe, expect, it } from 'vitest';
import { tokenColor, tokenizeLines } from '../../src/lesson/tokenize';

/** Each line as [text, type] pairs, whitespace left out. */
const kinds = (code: string, language: Parameters<typeof tokenizeLines>[1]) =>
  tokenizeLines(code, language).map((line) => line.filter((t) => t.text.trim()).map((t) => [t.text.trim(), t.type]));

describe('the static view’s tokenizer (Monaco’s Monarch token types)', () => {
  it('gives python keywords, names, numbers, strings, comments and decorators their types', () => {
    const code = ['import mlflow  # track runs', '@app.get("/health")', 'def fit(lr=0.5):', "    return {'ok': True}"].join('\n');
    expect(kinds(code, 'python')).toEqual([
      [['import', 'keyword'], ['mlflow', 'identifier'], ['# track runs', 'comment']],
      [['@app', 'tag'], ['.', ''], ['get', 'identifier'], ['(', 'delimiter.parenthesis'], ['"', 'string.escape'], ['/health', 'string'], ['"', 'string.escape'], [')', 'delimiter.parenthesis']],
      [['def', 'keyword'], ['fit', 'identifier'], ['(', 'delimiter.parenthesis'], ['lr', 'identifier'], ['=', ''], ['0.5', 'number'], [')', 'delimiter.parenthesis'], [':', 'delimiter']],
      [['return', 'keyword'], ['{', 'delimiter.curly'], ["'", 'string.escape'], ['ok', 'string'], ["'", 'string.escape'], [':', 'delimiter'], ['True', 'keyword'], ['}', 'delimiter.curly']],
    ]);
  });

  it('carries a docstring across lines', () => {
    expect(kinds('"""Train.\nStill the docstring\n"""\nx = 1', 'python').map((l) => l.map(([, k]) => k))).toEqual([
      ['string'],
      ['string'],
      ['string'],
      ['identifier', '', 'number'],
    ]);
  });

  it('colours shell commands, options, strings and variables', () => {
    expect(kinds('git commit -m "track data" && echo $HOME', 'shell')).toEqual([
      [['git', 'type.identifier'], ['commit', ''], ['-m', 'attribute.name'], ['"track data"', 'string'], ['&&', 'delimiter'], ['echo', 'type.identifier'], ['$HOME', 'variable']],
    ]);
  });

  it('colours Dockerfile instructions, and YAML keys and values', () => {
    expect(kinds('FROM python:3.12-slim\nCMD ["uvicorn"]', 'dockerfile').map((l) => l[0])).toEqual([
      ['FROM', 'keyword'],
      ['CMD', 'keyword'],
    ]);
    expect(kinds('outs:\n- path: data/raw.csv\n  cache: true', 'yaml')).toEqual([
      [['outs', 'type'], [':', 'operators']],
      [['-', 'operators'], ['path', 'type'], [':', 'operators'], ['data/raw.csv', 'string']],
      [['cache', 'type'], [':', 'operators'], ['true', 'keyword']],
    ]);
  });

  it('picks the lab themes’ colours, by the longest matching type', () => {
    expect(tokenColor('keyword', 'dark')).toBe('#569cd6');
    expect(tokenColor('string.escape', 'light')).toBe('#a31515');
    expect(tokenColor('string', 'light', 'yaml')).toBe('#0451a5');
    expect(tokenColor('identifier', 'dark')).toBe('#d4d4d4');
    expect(tokenColor('attribute.name', 'light')).toBe('#b30000');
  });
});
