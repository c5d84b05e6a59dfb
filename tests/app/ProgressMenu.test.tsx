import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PROGRESS_VERSION } from '../../src/progress/restore';
import { useProgress } from '../../src/progress/store';
import { renderApp } from '../lesson/renderApp';

const header = () => within(screen.getByRole('group', { name: 'Your progress' }));
const jsonFile = (name: string, data: unknown) =>
  new File([typeof data === 'string' ? data : JSON.stringify(data)], name, { type: 'application/json' });

describe('the progress menu', () => {
  it('imports a valid export', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    const file = jsonFile('progress.json', {
      app: 'lifecycle-lab',
      version: PROGRESS_VERSION,
      exportedAt: '2026-11-27T00:00:00.000Z',
      progress: { awards: { 'term:ml-lifecycle/dvc': { xp: 5, skill: 'artificialintelligence', at: 1 } }, learned: { 'ml-lifecycle/dvc': 1 } },
    });
    await user.upload(screen.getByLabelText('Import progress…'), file);
    expect(await screen.findByText('Progress imported from progress.json.')).toBeInTheDocument();
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'DVC' })).toHaveTextContent('✓ Learned');
  });

  it('refuses a file that is not an export, and keeps current progress', async () => {
    const user = userEvent.setup();
    useProgress.getState().learnTerm('ml-lifecycle', 'artificialintelligence', { id: 'dvc', term: 'DVC', xp: 5 });
    renderApp('/lessons/ml-lifecycle');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    await user.upload(screen.getByLabelText('Import progress…'), jsonFile('notes.json', '{"hello": 1}'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Import refused: this file is not a Lifecycle Lab progress export. Your current progress is unchanged.',
    );
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
  });

  it('exports the stored facts as a JSON download', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:progress';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    useProgress.getState().learnTerm('ml-lifecycle', 'artificialintelligence', { id: 'dvc', term: 'DVC', xp: 5 });
    renderApp('/');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    await user.click(screen.getByRole('button', { name: 'Export progress (JSON)' }));
    expect(click).toHaveBeenCalledOnce();
    const data = JSON.parse(await created[0]!.text());
    expect(data).toMatchObject({ app: 'lifecycle-lab', version: PROGRESS_VERSION, progress: { learned: { 'ml-lifecycle/dvc': expect.any(Number) } } });
    vi.restoreAllMocks();
  });

  it('reset asks for confirmation first', async () => {
    const user = userEvent.setup();
    useProgress.getState().learnTerm('ml-lifecycle', 'artificialintelligence', { id: 'dvc', term: 'DVC', xp: 5 });
    renderApp('/lessons/ml-lifecycle');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset all progress?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Reset all progress?' })).getByRole('button', { name: 'Reset progress' }));
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();
  });
});

describe('the theme switch', () => {
  it('toggles between dark and light and remembers the choice', async () => {
    const user = userEvent.setup();
    document.documentElement.dataset.theme = 'dark';
    renderApp('/');
    await user.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem('lifecycle-lab:theme')).toBe('light');
    expect(screen.getByRole('button', { name: 'Switch to dark theme' })).toBeInTheDocument();
  });
});
