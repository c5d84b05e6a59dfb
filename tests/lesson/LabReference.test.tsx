// The step's "Lab reference" panel (issue 20): generated from the lab's code, limited to what the
// lesson lets the learner import, or the shell's commands on a shell step.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../scripts/content-files';
import { LabReference } from '../../src/lesson/LabReference';

const lesson = loadCourse('tests/fixtures/content').course.lessons.find((l) => l.id === 'hello-lab')!;
const [shellStep, pythonStep] = lesson.steps;

describe('the lab reference panel', () => {
  it('lists the modules the lesson lets the code import, with signatures and docs, and no others', async () => {
    render(<LabReference lesson={lesson} step={pythonStep!} />);
    await userEvent.setup().click(screen.getByText('Lab reference'));
    const lab = await screen.findByRole('region', { name: 'Module lab' });
    expect(within(lab).getByText('load_dataset(path, target=None)')).toBeInTheDocument();
    expect(lab).toHaveTextContent('Read a CSV with a header row');
    expect(within(lab).getByText('fit(X, y)')).toBeInTheDocument(); // a method, without self
    expect(screen.queryByRole('region', { name: 'Module mlflow' })).toBeNull(); // hello-lab's lab.modules is [lab]
  });

  it('on a shell step, lists the lab’s commands, bash’s, and what the lab lacks with why', async () => {
    render(<LabReference lesson={lesson} step={shellStep!} />);
    await userEvent.setup().click(screen.getByText('Lab reference'));
    await screen.findByText('The lab’s own commands');
    for (const command of ['git', 'dvc', 'docker', 'awk', 'sed']) expect(screen.getByText(command, { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByText('curl', { selector: 'code' }).parentElement).toHaveTextContent('curl: the lab has no network, so it has no curl');
  });
});
