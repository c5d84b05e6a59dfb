// The multiple-answer and numeric questions of the fixture lesson (tests/fixtures/course/garden-lab/quiz.md), as a learner plays them.
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { MultipleChoiceCard } from '../../src/lesson/QuizKinds';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from './renderApp';
import { course } from './fixtureCourse';

// The fixture course (fixtureCourse.ts): its own small lesson, not content/ as authors change it.
vi.mock('virtual:lifecycle-content', () => import('./fixtureCourse'));

const header = () => within(screen.getByRole('group', { name: 'Your progress' }));
const card = (prompt: RegExp) => screen.getByRole('group', { name: prompt }).closest('form') as HTMLFormElement;
const multi = () => card(/Which of these are signs that a bed needs water\?/);
const numeric = () => card(/What share of a vegetable bed is usually left for paths, as a decimal\?/);

const DROOP = 'Its leaves droop at noon';
const DRY = 'The soil is dry a finger deep';
const BEE = 'A bee visits the flowers';
const NEIGHBOUR = 'A neighbour waters their lawn';

describe('a multiple-answer question', () => {
  it('is a group of checkboxes that says to choose all that apply', () => {
    renderApp('/lessons/garden-lab');
    const form = within(multi());
    expect(screen.getByRole('group', { name: /choose all that apply/ })).toBeInTheDocument();
    expect(form.getAllByRole('checkbox').map((c) => c.getAttribute('value'))).toHaveLength(4);
    expect(form.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('says "choose all that apply" once when its prompt says it already', async () => {
    const lesson = course.lessons[0]!;
    const question = lesson.quiz.find((q) => q.kind === 'multiple')!;
    const prompt = `${question.prompt} Choose all that apply.`;
    render(
      <MemoryRouter>
        <MultipleChoiceCard lesson={lesson} question={{ ...question, prompt, promptHtml: prompt }} number={1} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('group').textContent?.match(/choose all that apply/gi)).toHaveLength(1);
  });

  it('is right only with exactly the right set, earning full XP on the first try', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = within(multi());
    await user.click(form.getByRole('checkbox', { name: DROOP }));
    await user.click(form.getByRole('checkbox', { name: DRY }));
    await user.click(form.getByRole('button', { name: 'Check answer' }));

    expect(form.getByRole('status')).toHaveTextContent(/^Correct\./);
    expect(form.getByRole('status')).toHaveTextContent(/Drooping leaves and dry soil both say the roots are short of water/);
    expect(header().getByText('Total XP: 20')).toBeInTheDocument();
    expect(form.getByRole('checkbox', { name: new RegExp(DROOP) })).toBeDisabled();
  });

  it('a wrong set names the wrong pick with its feedback, counts what was left out, and costs XP', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = within(multi());
    await user.click(form.getByRole('checkbox', { name: DROOP }));
    await user.click(form.getByRole('checkbox', { name: BEE }));
    await user.click(form.getByRole('button', { name: 'Check answer' }));

    const status = form.getByRole('status');
    expect(status).toHaveTextContent('Not quite: that is not the right set of options.');
    expect(status).toHaveTextContent(`“${BEE}” does not apply.`);
    expect(status).toHaveTextContent(/Bees come for the flowers whatever the soil is like/);
    expect(status).toHaveTextContent('One option that applies was left out.');
    expect(status).toHaveTextContent(/Push a finger into the bed and feel how far down it is moist/); // the left-out option's hint, not its name
    expect(status).not.toHaveTextContent(DRY);
    expect(status).toHaveTextContent('Try again: a right answer now earns 12 XP.');
    // The next wrong try reveals the answer: said before it happens (issue 23).
    expect(status).toHaveTextContent('Careful: one more wrong try shows the answer, and then it earns no XP here (it comes back later in Review, for part of it).');
    const wrongBox = form.getByRole('checkbox', { name: new RegExp(BEE) });
    expect(wrongBox).toBeDisabled();
    expect(wrongBox).not.toBeChecked();
    expect(wrongBox.closest('label')).toHaveTextContent('✗ you picked this, it does not apply');
    expect(form.getByRole('checkbox', { name: DROOP })).toBeChecked(); // a right pick stays picked
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();

    await user.click(form.getByRole('checkbox', { name: DRY }));
    await user.click(form.getByRole('button', { name: 'Try again' }));
    expect(form.getByText('Correct after 2 tries.')).toBeInTheDocument();
    expect(header().getByText('Total XP: 12')).toBeInTheDocument();
  });

  it('asks for a choice, refuses a repeated set, and shows the answers after two wrong sets', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = within(multi());
    await user.click(form.getByRole('button', { name: 'Check answer' }));
    expect(form.getByRole('alert')).toHaveTextContent('Choose at least one option first.');

    await user.click(form.getByRole('checkbox', { name: DROOP }));
    await user.click(form.getByRole('button', { name: 'Check answer' }));
    await user.click(form.getByRole('button', { name: 'Try again' }));
    expect(form.getByRole('alert')).toHaveTextContent('You tried exactly these already');
    expect(form.getByText('Worth 12 XP')).toBeInTheDocument(); // the repeat cost nothing

    await user.click(form.getByRole('checkbox', { name: NEIGHBOUR }));
    await user.click(form.getByRole('button', { name: 'Try again' }));
    const status = form.getByRole('status');
    expect(status).toHaveTextContent(`The right answers are “${DROOP}” and “${DRY}”.`);
    expect(status).toHaveTextContent('A shown answer earns no XP.');
    expect(form.getAllByText('✓ one of the right answers')).toHaveLength(2);
    expect(form.queryByRole('button', { name: /Try again|Show answer/ })).not.toBeInTheDocument();
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();
  });
});

describe('a numeric question', () => {
  it('has a labelled decimal input; a comma is refused without costing a try', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = within(numeric());
    const input = form.getByRole('textbox', { name: 'Your answer' });
    expect(input).toHaveAttribute('inputmode', 'decimal');
    await user.type(input, '0,25');
    await user.click(form.getByRole('button', { name: 'Check answer' }));
    expect(form.getByRole('alert')).toHaveTextContent('Write the number with a decimal point, such as 0.25');
    expect(form.getByText('Worth 20 XP')).toBeInTheDocument();
    expect(form.getByRole('button', { name: 'Check answer' })).toBeInTheDocument();
  });

  it('a wrong number shows the feedback and costs XP; ".25" is then right, and stays so after a reload', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp('/lessons/garden-lab');
    const form = within(numeric());
    const input = form.getByRole('textbox', { name: 'Your answer' });
    await user.type(input, '0.1');
    await user.click(form.getByRole('button', { name: 'Check answer' }));
    const status = form.getByRole('status');
    expect(status).toHaveTextContent('Not quite: 0.1 is not it.');
    expect(status).toHaveTextContent(/A tenth leaves too little room to kneel between the rows/);
    expect(status).not.toHaveTextContent('The right answer is');
    expect(form.getByText('Worth 12 XP')).toBeInTheDocument();
    expect(form.getByText('Tried: 0.1')).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, '.25');
    await user.click(form.getByRole('button', { name: 'Try again' }));
    expect(form.getByText('Correct after 2 tries.')).toBeInTheDocument();
    expect(header().getByText('Total XP: 12')).toBeInTheDocument();

    unmount();
    renderApp('/lessons/garden-lab');
    const again = within(numeric());
    expect(again.getByText('Correct after 2 tries.')).toBeInTheDocument();
    expect(again.getByRole('textbox', { name: 'Your answer' })).toHaveValue('0.25');
    expect(again.getByRole('textbox', { name: 'Your answer' })).toBeDisabled();
  });

  it('"Show answer" shows the number and earns nothing', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    const form = within(numeric());
    await user.click(form.getByRole('button', { name: 'Show answer (no XP)' }));
    expect(form.getByRole('status')).toHaveTextContent('The right answer is 0.25.');
    expect(form.getByRole('status')).toHaveTextContent(/A quarter, 0.25, leaves room to reach every plant/);
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();
  });
});
