// A draft edited in two tabs at once: the step page keeps the newer copy in
// the editor and shows the other one, with a way to use it (issue 11).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from '../lesson/renderApp';

describe('draft conflicts', { timeout: 60_000 }, () => {
  it('says the draft was also edited in another tab, shows the other copy, and can switch to it', async () => {
    const user = userEvent.setup();
    useProgress.getState().saveDraft('ml-lifecycle', 'the-training-loop', 'train.py', 'print("newer")\n');
    useProgress.setState({ draftConflicts: [{ key: 'ml-lifecycle/the-training-loop', file: 'train.py', other: 'print("other tab")\n' }] });
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    const notice = await screen.findByText(/was also edited in another tab/, {}, { timeout: 30_000 });
    expect(notice).toHaveTextContent('This draft of train.py was also edited in another tab; kept the newer, the other copy is below.');
    expect(screen.getByText('print("other tab")', { exact: false })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Use the other copy' }));
    expect(useProgress.getState().drafts['ml-lifecycle/the-training-loop']).toEqual({ 'train.py': 'print("other tab")\n' });
    expect(screen.queryByText(/was also edited in another tab/)).toBeNull();
  });
});
