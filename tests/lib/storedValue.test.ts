// One localStorage-backed value (src/lib/storedValue.ts): the re-run preference and the last verdicts use it.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storedValue } from '../../src/lib/storedValue';

const parseList = (raw: string | null): string[] => {
  try {
    const v: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('a stored value', () => {
  it('reads what is stored, falls back on what cannot be read, and writes through', () => {
    localStorage.setItem('k1', '{not json');
    const value = storedValue('k1', parseList);
    expect(value.get()).toEqual([]);
    value.set(['a']);
    expect(localStorage.getItem('k1')).toBe('["a"]');
    value.clear();
    expect(localStorage.getItem('k1')).toBeNull();
    expect(value.get()).toEqual([]);
  });

  it('follows another tab’s change (the storage event), and re-renders its readers', () => {
    const value = storedValue('k2', parseList);
    const { result } = renderHook(() => value.use());
    expect(result.current).toEqual([]);
    localStorage.setItem('k2', '["from the other tab"]');
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: 'k2' })));
    expect(result.current).toEqual(['from the other tab']);
    act(() => value.set(['mine']));
    expect(result.current).toEqual(['mine']);
  });

  it('keeps a value for this visit when storage is blocked or full', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const value = storedValue('k3', parseList);
    value.set(['kept']);
    expect(value.get()).toEqual(['kept']);
    expect(localStorage.getItem('k3')).toBeNull();
  });
});
