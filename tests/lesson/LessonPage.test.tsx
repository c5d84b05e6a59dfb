import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from './renderApp';

// The fixture course (fixtureCourse.ts): its own small lesson, not content/ as authors change it.
vi.mock('virtual:lifecycle-content', () => import('./fixtureCourse'));

const header = () => within(screen.getByRole('group', { name: 'Your progress' }));
const question = (prompt: string) => screen.getByRole('radiogroup', { name: new RegExp(prompt.replace(/[?.]/g, '\\$&')) }).closest('form') as HTMLFormElement;

describe('the lesson page', () => {
  it('shows the hero, every section and the instructor', () => {
    renderApp('/lessons/garden-lab');
    expect(screen.getByRole('heading', { level: 1, name: 'The Garden Lab' })).toBeInTheDocument();
    expect(screen.getByText('A garden is never done')).toBeInTheDocument();
    for (const title of ['Lifecycle Hub', 'Skill Matrix', 'Quick Quiz', 'Frequently Asked Questions', 'Lesson Glossary', 'Continue Learning']) {
      expect(screen.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
    }
    expect(screen.getByText('The Fixture Gardeners')).toBeInTheDocument();
    expect(document.title).toBe('The Garden Lab · Lifecycle Lab');
  });

  // Issue 23: the lesson page had no way into the steps near its top.
  it('has Start near the top, then Continue at the next step to do, then a way back to the first', () => {
    const view = renderApp('/lessons/garden-lab');
    const hero = within(screen.getByRole('heading', { level: 1, name: 'The Garden Lab' }).closest('header') as HTMLElement);
    expect(hero.getByRole('link', { name: 'Start: Step 1, Sow the seeds →' })).toHaveAttribute('href', '/lessons/garden-lab/steps/sow-the-seeds');
    view.unmount();

    const done = (slug: string) => useProgress.getState().completeStep('garden-lab', 'gardening', { slug, title: slug, xp: 1 });
    done('sow-the-seeds');
    const again = renderApp('/lessons/garden-lab');
    expect(screen.getByRole('link', { name: 'Continue: Step 2, Water the beds →' })).toHaveAttribute('href', '/lessons/garden-lab/steps/water-the-beds');
    again.unmount();

    ['water-the-beds', 'keep-a-log', 'bring-in-the-harvest'].forEach(done);
    renderApp('/lessons/garden-lab');
    expect(screen.getByRole('link', { name: /^All steps done · go over Step 1/ })).toHaveAttribute('href', '/lessons/garden-lab/steps/sow-the-seeds');
  });

  it('percent done weighs by XP: learning all five terms is a small share of the lesson', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    for (const button of screen.getAllByRole('button', { name: 'Mark as learned' })) await user.click(button);
    // 5 terms × 5 XP of 345 (steps 40+60+70+80, 3 questions × 20, a prediction of 10, 5 terms × 5): 7%, not 5 of 13 items.
    expect(header().getByText('Total XP: 25')).toBeInTheDocument();
    expect(header().getByRole('progressbar')).toHaveAttribute('aria-valuenow', '7');
    expect(header().getByRole('progressbar')).toHaveAttribute('aria-valuetext', '7% (25 of 345 XP)');
  });

  it('the header starts at zero XP for the lesson skill', () => {
    renderApp('/lessons/garden-lab');
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();
    expect(header().getByText('Gardening XP: 0')).toBeInTheDocument();
    expect(header().getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  });

  it('the hub links each phase to its step and shows its state', () => {
    useProgress.setState({ completedSteps: { 'garden-lab/sow-the-seeds': 1 } });
    renderApp('/lessons/garden-lab');
    const hub = within(screen.getByRole('list', { name: /Lifecycle phases/ }));
    const links = hub.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/lessons/garden-lab/steps/sow-the-seeds',
      '/lessons/garden-lab/steps/water-the-beds',
      '/lessons/garden-lab/steps/keep-a-log',
      '/lessons/garden-lab/steps/bring-in-the-harvest',
    ]);
    expect(links[0]).toHaveTextContent(/Sowing.*Done/);
    expect(links[1]).toHaveTextContent(/Growing.*Current/);
    expect(links[1]).toHaveAttribute('aria-current', 'step');
    expect(links[3]).toHaveTextContent(/Harvest.*Not started/);
  });
});

describe('the quiz', () => {
  it('awards XP once for a right answer and shows the explanation', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = question('Which tool waters a whole bed evenly?');
    await user.click(within(form).getByRole('radio', { name: 'Sprinkler' }));
    await user.click(within(form).getByRole('button', { name: 'Check answer' }));

    expect(within(form).getByText('Correct.')).toBeInTheDocument();
    expect(within(form).getByText(/A sprinkler spreads water over the whole bed/)).toBeInTheDocument();
    expect(header().getByText('Total XP: 20')).toBeInTheDocument();
    expect(header().getByText('Gardening XP: 20')).toBeInTheDocument();
    // Answered: the options are locked and nothing more can be earned.
    expect(within(form).getByRole('radio', { name: /Sprinkler/ })).toBeDisabled();
    expect(within(form).queryByRole('button', { name: /Check answer|Try again/ })).not.toBeInTheDocument();
    expect(screen.getByText('+20 XP · Quiz')).toBeInTheDocument(); // the toast
  });

  // The feedback and explanation texts are the fixture's: tests/fixtures/course/garden-lab/quiz.md.

  // Issue 9: a wrong choice wears the theme's "bad" colour plus a text cue, the
  // right one "ok"; the accent colour is kept for the choice being made.
  it('a tried wrong choice is marked wrong in words and colour, the right one right', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = question('Which tool waters a whole bed evenly?');
    const option = (name: string) => within(form).getByRole('radio', { name: new RegExp(`^${name}`) }).closest('label') as HTMLElement;
    await user.click(within(form).getByRole('radio', { name: 'Rake' }));
    expect(option('Rake')).toHaveClass('has-[:checked]:border-accent'); // chosen, not yet checked
    await user.click(within(form).getByRole('button', { name: 'Check answer' }));

    expect(option('Rake')).toHaveTextContent('Rake✗ your answer, not this one');
    expect(option('Rake')).toHaveClass('border-bad');
    expect(option('Rake').className).not.toMatch(/accent/);

    await user.click(within(form).getByRole('radio', { name: 'Sprinkler' }));
    await user.click(within(form).getByRole('button', { name: 'Try again' }));
    expect(option('Sprinkler')).toHaveTextContent('Sprinkler✓ right answer');
    expect(option('Sprinkler')).toHaveClass('border-ok');
    expect(option('Sprinkler').className).not.toMatch(/accent/);
  });
  it('a wrong answer says why that choice is wrong, not what is right, and lowers the XP on offer', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = question('Which tool waters a whole bed evenly?');
    await user.click(within(form).getByRole('radio', { name: 'Rake' }));
    await user.click(within(form).getByRole('button', { name: 'Check answer' }));

    const status = within(form).getByRole('status');
    expect(status).toHaveTextContent('Not quite: “Rake” is not it.');
    expect(status).toHaveTextContent(/A rake levels the soil and gathers leaves/);
    expect(status).toHaveTextContent('Try again: a right answer now earns 12 XP.');
    expect(form).not.toHaveTextContent('✓ right answer');
    expect(form).not.toHaveTextContent('The right answer is');
    expect(within(form).queryByText(/A sprinkler spreads water over the whole bed/)).not.toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /Rake/ })).toBeDisabled(); // tried: not again
    expect(within(form).getByText('Worth 12 XP')).toBeInTheDocument();
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();

    await user.click(within(form).getByRole('radio', { name: 'Sprinkler' }));
    await user.click(within(form).getByRole('button', { name: 'Try again' }));
    expect(within(form).getByText('Correct after 2 tries.')).toBeInTheDocument();
    expect(within(form).getByText(/A sprinkler spreads water over the whole bed/)).toBeInTheDocument();
    expect(header().getByText('Total XP: 12')).toBeInTheDocument();
  });

  it('a second wrong answer reveals the right one, which then earns nothing', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = question('Which tool waters a whole bed evenly?');
    await user.click(within(form).getByRole('radio', { name: 'Rake' }));
    await user.click(within(form).getByRole('button', { name: 'Check answer' }));
    await user.click(within(form).getByRole('radio', { name: 'Shovel' }));
    await user.click(within(form).getByRole('button', { name: 'Try again' }));

    const status = within(form).getByRole('status');
    expect(status).toHaveTextContent('Not quite: “Shovel” is not it.');
    expect(status).toHaveTextContent(/A shovel digs holes for planting/);
    expect(status).toHaveTextContent('The right answer is “Sprinkler”.');
    expect(status).toHaveTextContent(/A sprinkler spreads water over the whole bed/);
    expect(status).toHaveTextContent('A shown answer earns no XP.');
    expect(within(form).getByText('✓ right answer')).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /Sprinkler/ })).toBeDisabled();
    expect(within(form).queryByRole('button', { name: /Check answer|Try again|Show answer/ })).not.toBeInTheDocument();
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();
  });

  it('"Show answer" reveals the answer and awards nothing, even after a reload', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp('/lessons/garden-lab');
    const form = question('Which tool waters a whole bed evenly?');
    expect(within(form).getByText('Worth 20 XP')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Show answer (no XP)' }));

    expect(within(form).getByRole('status')).toHaveTextContent('The right answer is “Sprinkler”.');
    expect(within(form).getByRole('status')).toHaveTextContent('A shown answer earns no XP.');
    expect(within(form).getByRole('radio', { name: /Sprinkler/ })).toBeDisabled();
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();
    expect(screen.queryByText(/XP · Quiz/)).not.toBeInTheDocument(); // no toast

    unmount();
    renderApp('/lessons/garden-lab');
    const again = question('Which tool waters a whole bed evenly?');
    expect(within(again).getByRole('status')).toHaveTextContent('The right answer is “Sprinkler”.');
    expect(within(again).queryByRole('button', { name: /Check answer/ })).not.toBeInTheDocument();
  });

  it('asks for a choice before checking', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = question('Which tool waters a whole bed evenly?');
    await user.click(within(form).getByRole('button', { name: 'Check answer' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose an answer first.');
  });
});

describe('the glossary and the skill matrix', () => {
  it('learning a node’s terms unlocks it; un-learning locks it again and takes the XP back', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const node = () => screen.getByRole('listitem', { name: /^Bed preparation:/ });
    expect(node()).toHaveAccessibleName('Bed preparation: Locked');

    const card = (term: string) => within(screen.getByRole('article', { name: term }));
    await user.click(card('Soil').getByRole('button', { name: 'Mark as learned' }));
    expect(node()).toHaveAccessibleName('Bed preparation: Locked'); // Compost still to learn
    await user.click(card('Compost').getByRole('button', { name: 'Mark as learned' }));
    expect(node()).toHaveAccessibleName('Bed preparation: Unlocked');
    expect(header().getByText('Total XP: 10')).toBeInTheDocument();
    expect(card('Compost').getByRole('button', { name: /Learned/ })).toHaveAttribute('aria-pressed', 'true');

    await user.click(card('Compost').getByRole('button', { name: /Learned/ }));
    expect(node()).toHaveAccessibleName('Bed preparation: Locked');
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
  });

  // Issue 9: toasts floating over the page covered the "Mark as learned" buttons; issue 23: in a slot of the
  // header they pushed it onto two rows. They float now, outside both, and let clicks through.
  it('an XP toast floats outside the header and the page, and changes neither', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const banner = screen.getByRole('link', { name: 'Lifecycle Lab' }).closest('header') as HTMLElement;
    // The header's markup with its numbers (XP, percent) blanked: what it holds, not what it counts.
    const shape = () => banner.innerHTML.replace(/\d+/g, '#');
    const before = shape();
    await user.click(within(screen.getByRole('article', { name: 'Soil' })).getByRole('button', { name: 'Mark as learned' }));
    const toasts = screen.getByRole('status', { name: 'XP updates' });
    expect(toasts).toHaveTextContent('+5 XP · Learned “Soil”');
    expect(banner).not.toContainElement(toasts);
    expect(screen.getByRole('main')).not.toContainElement(toasts);
    // The header holds what it held (only its numbers moved): nothing was added to its row.
    expect(shape()).toBe(before);
    expect(toasts).toHaveClass('fixed', 'pointer-events-none');

    // A second award before the first has gone: the newest shows, the older stays for screen readers.
    await user.click(within(screen.getByRole('article', { name: 'Compost' })).getByRole('button', { name: 'Mark as learned' }));
    expect(toasts).toHaveTextContent('+5 XP · Learned “Soil”+5 XP · Learned “Compost”');
    expect(within(toasts).getByText('+5 XP · Learned “Soil”')).toHaveClass('sr-only');
    expect(within(toasts).getByText('+5 XP · Learned “Compost”')).not.toHaveClass('sr-only');
  });

  it('each term names the nodes it unlocks', () => {
    renderApp('/lessons/garden-lab');
    expect(within(screen.getByRole('article', { name: 'Frost' })).getByText(/Unlocks: Harvesting/)).toBeInTheDocument();
  });

  it('a completed step masters its node once its terms are learned, not before', async () => {
    const user = userEvent.setup();
    useProgress.setState({ completedSteps: { 'garden-lab/sow-the-seeds': 1 } });
    renderApp('/lessons/garden-lab');
    const node = () => screen.getByRole('listitem', { name: /^Bed preparation:/ });
    expect(node()).toHaveAccessibleName('Bed preparation: Locked');
    expect(node()).toHaveTextContent('Its step is done: unlock it to master it.');
    await user.click(within(screen.getByRole('article', { name: 'Soil' })).getByRole('button', { name: 'Mark as learned' }));
    await user.click(within(screen.getByRole('article', { name: 'Compost' })).getByRole('button', { name: 'Mark as learned' }));
    expect(node()).toHaveAccessibleName('Bed preparation: Mastered');
  });
});

describe('the FAQ and continue learning', () => {
  it('FAQ entries are disclosure widgets', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const summary = screen.getByText('Can I leave the garden between steps?');
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await user.click(summary);
    expect(details.open).toBe(true);
  });

  it('points at the next unfinished step and the quiz', () => {
    useProgress.setState({ completedSteps: { 'garden-lab/sow-the-seeds': 1 } });
    renderApp('/lessons/garden-lab');
    const section = within(screen.getByRole('region', { name: 'Continue Learning' }));
    expect(section.getByRole('link', { name: 'Step 2: Water the beds' })).toHaveAttribute('href', '/lessons/garden-lab/steps/water-the-beds');
    expect(section.getByRole('link', { name: /3 questions left to answer/ })).toHaveAttribute('href', '#quick-quiz');
  });

  it('a question whose answer was shown is not left to answer', () => {
    useProgress.getState().revealAnswer('garden-lab', 'watering-tool');
    useProgress.getState().answerQuestion('garden-lab', 'gardening', { id: 'thirsty-signs', answer: 'x', xp: 20 }, 'y');
    renderApp('/lessons/garden-lab');
    const section = within(screen.getByRole('region', { name: 'Continue Learning' }));
    expect(section.getByRole('link', { name: /2 questions left to answer/ })).toHaveAttribute('href', '#quick-quiz');
  });
});
