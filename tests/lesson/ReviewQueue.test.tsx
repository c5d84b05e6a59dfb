// The review queue on the lesson page (issue 23): a missed question comes back later, by keyboard and screen
// reader as well as by mouse, and a right answer gives back part of the XP it lost.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from './renderApp';

// The fixture course (fixtureCourse.ts): its own small lesson, not content/ as authors change it.
vi.mock('virtual:lifecycle-content', () => import('./fixtureCourse'));

const header = () => within(screen.getByRole('group', { name: 'Your progress' }));
const review = () => within(screen.getByRole('region', { name: 'Review' }));
const Q = { id: 'watering-tool', kind: 'single' as const, answer: 'Sprinkler', xp: 20 };

describe('the review queue', () => {
  afterEach(() => vi.useRealTimers());

  it('brings a missed question back when due, answered by keyboard, for half of the XP it lost', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderApp('/lessons/garden-lab');
    expect(review().getByText(/Nothing to review/)).toBeInTheDocument();

    // Missed in the quiz: right on the second try, 12 of 20 XP.
    act(() => {
      useProgress.getState().answerQuestion('garden-lab', 'gardening', Q, 'Rake');
      useProgress.getState().answerQuestion('garden-lab', 'gardening', Q, 'Sprinkler');
    });
    expect(review().getByRole('list', { name: 'Coming back later' })).toHaveTextContent(/Which tool waters a whole bed evenly\? — in 10 min/);
    expect(header().getByText('Total XP: 12')).toBeInTheDocument();

    // Ten minutes on: the queue's clock ticks, and the question is due.
    act(() => vi.advanceTimersByTime(10 * 60_000));
    const card = within(review().getByRole('list', { name: 'Due for review' }));
    const group = card.getByRole('radiogroup', { name: /Which tool waters a whole bed/ });
    expect(card.getByText(/Quiz · worth 4 XP/)).toBeInTheDocument();
    // Keyboard only: Tab to the options, arrow to Sprinkler, Space, Enter on Check.
    within(group).getAllByRole('radio')[0]!.focus();
    const options = within(group).getAllByRole('radio').map((r) => r.getAttribute('value'));
    const target = options.indexOf('Sprinkler');
    await user.keyboard(' ');
    for (let i = 0; i < target; i++) await user.keyboard('{ArrowDown}');
    expect(within(group).getByRole('radio', { name: 'Sprinkler' })).toBeChecked();
    await user.click(card.getByRole('button', { name: 'Check' }));

    expect(review().getByRole('status')).toHaveTextContent('Right: +4 XP. It comes back later, after a longer wait.');
    expect(header().getByText('Total XP: 16')).toBeInTheDocument();
    expect(review().queryByRole('list', { name: 'Due for review' })).not.toBeInTheDocument();
    expect(review().getByRole('list', { name: 'Coming back later' })).toHaveTextContent(/in 20 min/);
  });

  it('a wrong review says the answer and brings it back in ten minutes', async () => {
    const user = userEvent.setup();
    act(() => {
      useProgress.getState().revealAnswer('garden-lab', 'watering-tool');
      const key = 'garden-lab/watering-tool';
      useProgress.setState((s) => ({ reviews: { ...s.reviews, [key]: { since: 0, attempts: [] } } }));
    });
    renderApp('/lessons/garden-lab');
    const card = within(review().getByRole('list', { name: 'Due for review' }));
    expect(card.getByText(/worth 10 XP/)).toBeInTheDocument(); // half of the 20 the shown answer lost
    await user.click(card.getByRole('button', { name: 'Check' }));
    expect(card.getByRole('alert')).toHaveTextContent('Choose an answer first.');
    await user.click(card.getByRole('radio', { name: 'Rake' }));
    await user.click(card.getByRole('button', { name: 'Check' }));
    expect(review().getByRole('status')).toHaveTextContent('Not this time: the answer is “Sprinkler”. It comes back in 10 minutes.');
  });
});
