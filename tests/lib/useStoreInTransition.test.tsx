// A store read through useStoreInTransition: its changes reach the screen
// (as transitions), a remount reads the current value, and a new
// getSnapshot is read at once.
import { act, render, screen } from '@testing-library/react';
import { useCallback } from 'react';
import { describe, expect, it } from 'vitest';
import { useStoreInTransition } from '../../src/lib/useStoreInTransition';

function createStore(initial: Record<string, string>) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get: (key: string) => state[key] ?? 'nothing',
    set: (key: string, value: string) => {
      state = { ...state, [key]: value };
      listeners.forEach((l) => l());
    },
  };
}
type Store = ReturnType<typeof createStore>;

function Stage({ store, name }: { store: Store; name: string }) {
  const read = useCallback(() => store.get(name), [store, name]);
  return <p>{useStoreInTransition(store.subscribe, read)}</p>;
}

describe('useStoreInTransition', () => {
  it('shows each change of the store, and another key’s value as soon as it is asked for', async () => {
    const store = createStore({ engine: 'Downloading Python…', other: 'Other lab' });
    const { rerender } = render(<Stage store={store} name="engine" />);
    expect(screen.getByText('Downloading Python…')).toBeInTheDocument();
    act(() => store.set('engine', 'Setting up the lab…'));
    expect(await screen.findByText('Setting up the lab…')).toBeInTheDocument();
    rerender(<Stage store={store} name="other" />);
    expect(screen.getByText('Other lab')).toBeInTheDocument();
    act(() => store.set('other', 'Python ready'));
    expect(await screen.findByText('Python ready')).toBeInTheDocument();
  });

  it('mounted again after the store changed unheard, it shows the current value', async () => {
    const store = createStore({ engine: 'loading' });
    const { rerender } = render(<Stage store={store} name="engine" />);
    // Unmounted and mounted again: the store changes while no one listens.
    rerender(<p>gone</p>);
    store.set('engine', 'ready');
    rerender(<Stage store={store} name="engine" />);
    expect(await screen.findByText('ready')).toBeInTheDocument();
  });
});
