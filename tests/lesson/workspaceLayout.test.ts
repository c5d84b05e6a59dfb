import { describe, expect, it } from 'vitest';
import { parseLayout } from '../../src/lesson/workspaceLayout';

const IDS = ['text', 'work'];

describe('a remembered pane layout', () => {
  it('is used when it sizes exactly these panes and adds up to 100 %', () => {
    expect(parseLayout('{"text":60,"work":40}', IDS)).toEqual({ text: 60, work: 40 });
    expect(parseLayout('{"work":33.3,"text":66.7}', IDS)).toEqual({ text: 66.7, work: 33.3 });
  });

  it.each([
    ['nothing saved', null],
    ['not JSON', 'not json'],
    ['a list', '[60,40]'],
    ['null', 'null'],
    ['a pane at zero', '{"text":0,"work":100}'],
    ['a size as text', '{"text":"60","work":40}'],
    ['another pane', '{"text":60,"editor":40}'],
    ['a pane too many', '{"text":50,"work":40,"preview":10}'],
    ['not adding up', '{"text":60,"work":60}'],
    ['negative', '{"text":-20,"work":120}'],
  ])('is ignored when it is %s', (_what, raw) => {
    expect(parseLayout(raw, IDS)).toBeNull();
  });
});
