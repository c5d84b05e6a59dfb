import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from '../../src/app/UpdatePrompt';
import { watchForUpdates, type WorkboxLike } from '../../src/app/serviceWorker';
import { useUpdate } from '../../src/app/updateStore';

/** workbox-window's Workbox as far as the app uses it: events, and the skip-waiting message. */
function fakeWorkbox() {
  const listeners = new Map<string, ((event: { isUpdate?: boolean }) => void)[]>();
  const wb = {
    addEventListener: (type: string, listener: (event: { isUpdate?: boolean }) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    messageSkipWaiting: vi.fn(),
    fire: (type: string, event: { isUpdate?: boolean } = {}) => act(() => listeners.get(type)?.forEach((l) => l(event))),
  };
  return wb satisfies WorkboxLike;
}

beforeEach(() => useUpdate.setState({ accept: null }));

describe('the update prompt', () => {
  it('says nothing until a new version waits, then Reload switches to it and reloads once it controls the page', async () => {
    const wb = fakeWorkbox();
    const reload = vi.fn();
    watchForUpdates(wb, reload);
    render(<UpdatePrompt />);
    const region = screen.getByRole('status', { name: 'App updates' });
    expect(region).toBeEmptyDOMElement();

    wb.fire('waiting');
    expect(region).toHaveTextContent('A new version is available.');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(wb.messageSkipWaiting).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled(); // not before the new worker has taken over

    wb.fire('controlling', { isUpdate: true });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads by itself: a version accepted in another tab is offered here too', async () => {
    const wb = fakeWorkbox();
    const reload = vi.fn();
    watchForUpdates(wb, reload);
    render(<UpdatePrompt />);
    wb.fire('controlling', { isUpdate: false }); // the first install taking control: nothing to offer
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();

    wb.fire('controlling', { isUpdate: true });
    expect(reload).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
  });
});
