import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PROGRESS_VERSION } from '../../src/progress/restore';
import { useProgress } from '../../src/lesson/useProgress';
import { renderApp } from '../lesson/renderApp';
import { index } from '../lesson/fixtureCourse';
import { quizXpFor } from '../../src/progress/xp';

// The fixture course (fixtureCourse.ts): its own small lesson, not content/ as authors change it.
vi.mock('virtual:lifecycle-content', () => import('../lesson/fixtureCourse'));

const header = () => within(screen.getByRole('group', { name: 'Your progress' }));
const jsonFile = (name: string, data: unknown) =>
  new File([typeof data === 'string' ? data : JSON.stringify(data)], name, { type: 'application/json' });

// Rendering the lesson page in jsdom takes seconds on a busy shared machine.
describe('the progress menu', { timeout: 30_000 }, () => {
  it('imports a valid export', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    const file = jsonFile('progress.json', {
      app: 'lifecycle-lab',
      version: PROGRESS_VERSION,
      exportedAt: '2026-11-27T00:00:00.000Z',
      progress: { awards: { 'term:garden-lab/compost': { xp: 5, skill: 'gardening', at: 1 } }, learned: { 'garden-lab/compost': 1 } },
    });
    await user.upload(await screen.findByLabelText('Import progress…'), file);
    expect(await screen.findByText('Progress imported from progress.json.')).toBeInTheDocument();
    // What came in, said (issue 23).
    expect(screen.getByText('Progress imported from progress.json.').closest('[role=status]')).toHaveTextContent('Now: 0 steps completed, 0 quiz questions answered right, 1 term learned, 5 XP.');
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Compost' })).toHaveTextContent('✓ Learned');
  });

  it('refuses a file that is not an export, and keeps current progress', async () => {
    const user = userEvent.setup();
    useProgress.getState().learnTerm('garden-lab', 'gardening', { id: 'compost', term: 'Compost', xp: 5 });
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    await user.upload(await screen.findByLabelText('Import progress…'), jsonFile('notes.json', '{"hello": 1}'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Import refused: this file is not a Lifecycle Lab progress export. Your current progress is unchanged.',
    );
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
  });

  it('a file nested 5,000 levels deep is refused with a message, and the page keeps working', async () => {
    const user = userEvent.setup();
    useProgress.getState().learnTerm('garden-lab', 'gardening', { id: 'compost', term: 'Compost', xp: 5 });
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    const deep = `{"app":"lifecycle-lab","version":${PROGRESS_VERSION},"progress":{"learned":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    await user.upload(await screen.findByLabelText('Import progress…'), jsonFile('deep.json', deep));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Import refused: it is nested more than 32 levels deep, deeper than any progress Lifecycle Lab writes. Your current progress is unchanged.',
    );
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
  });

  it('progress from a newer version: the page says so and offers keep it or start fresh', async () => {
    const user = userEvent.setup();
    const newer = JSON.stringify({ state: { awards: {} }, version: PROGRESS_VERSION + 1 });
    localStorage.setItem('lifecycle-lab:progress', newer);
    act(() => useProgress.setState({ newerSave: { reason: 'the saved progress comes from a newer version of Lifecycle Lab (format 3, this app reads 2)', backup: 'lifecycle-lab:progress:unreadable:abc', kept: false } }));
    renderApp('/lessons/garden-lab');
    expect(await screen.findByText(/This tab shows none of it and saves nothing over it/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByText(/Read-only: this browser keeps progress from a newer version/)).toBeInTheDocument();
    useProgress.getState().learnTerm('garden-lab', 'gardening', { id: 'compost', term: 'Compost', xp: 5 });
    expect(localStorage.getItem('lifecycle-lab:progress')).toBe(newer);
    await user.click(screen.getByRole('button', { name: 'Start fresh here' }));
    expect(screen.queryByText(/Read-only/)).not.toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('lifecycle-lab:progress') ?? 'null')).toMatchObject({ version: PROGRESS_VERSION, state: { learned: { 'garden-lab/compost': expect.any(Number) } } });
  });

  it('an import claiming full quiz XP after wrong tries gets what the answers earn by the quiz rules', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    const [first, second] = index.lessons[0]?.quiz ?? [];
    if (!first || !second) throw new Error('the fixture lesson has fewer than two questions');
    const full = (q: { id: string; xp: number }) => [`quiz:garden-lab/${q.id}`, { xp: q.xp, skill: 'gardening', at: 1 }];
    const file = jsonFile('claims.json', {
      app: 'lifecycle-lab',
      version: PROGRESS_VERSION,
      exportedAt: '2026-11-27T00:00:00.000Z',
      progress: {
        awards: Object.fromEntries([full(first), full(second)]),
        quiz: {
          // One wrong try, then right: 60%, not the full XP claimed.
          [`garden-lab/${first.id}`]: { answers: ['Rake', 'Sprinkler'], correct: true },
          // "Correct", but the answer saved is not the right one: nothing.
          [`garden-lab/${second.id}`]: { answers: ['not an option'], correct: true },
        },
      },
    });
    await user.upload(await screen.findByLabelText('Import progress…'), file);
    expect(await screen.findByText('Progress imported from claims.json.')).toBeInTheDocument();
    expect(header().getByText(`Total XP: ${quizXpFor(first.xp, 1)}`)).toBeInTheDocument();
    expect(screen.getByText(/1 award not earned in this course was dropped .*1 award was capped at the XP the course gives\./)).toBeInTheDocument();
  });

  it('an import with forged awards keeps only what the course gives, and says so', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    const file = jsonFile('forged.json', {
      app: 'lifecycle-lab',
      version: PROGRESS_VERSION,
      exportedAt: '2026-11-27T00:00:00.000Z',
      progress: {
        awards: Object.fromEntries(
          Array.from({ length: 100 }, (_, i) => [`bonus:${i}`, { xp: 10_000, skill: 'gardening', at: 1 }]).concat([
            ['term:garden-lab/compost', { xp: 10_000, skill: 'gardening', at: 1 }],
          ]),
        ),
        learned: { 'garden-lab/compost': 1 },
      },
    });
    await user.upload(await screen.findByLabelText('Import progress…'), file);
    expect(await screen.findByText('Progress imported from forged.json.')).toBeInTheDocument();
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
    expect(screen.getByText(/100 awards not earned in this course were dropped .*1 award was capped at the XP the course gives\./)).toBeInTheDocument();
  });

  it('an import with __proto__ keys says they were ignored, and no prototype changes', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    const text = `{"app":"lifecycle-lab","version":${PROGRESS_VERSION},"progress":{"awards":{"__proto__":{"xp":10000,"skill":"gardening","at":1}},"learned":{"constructor":1}}}`;
    await user.upload(await screen.findByLabelText('Import progress…'), jsonFile('proto.json', text));
    expect(
      await screen.findByText('Progress imported from proto.json (2 keys named __proto__, constructor or prototype ignored).'),
    ).toBeInTheDocument();
    expect(header().getByText('Total XP: 0')).toBeInTheDocument();
    expect(Object.getPrototypeOf(useProgress.getState().awards)).toBe(Object.prototype);
  });

  it('an import too big to save is refused, and says so', async () => {
    const user = userEvent.setup();
    useProgress.getState().learnTerm('garden-lab', 'gardening', { id: 'compost', term: 'Compost', xp: 5 });
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    const draft = 'x'.repeat(10_000_000);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation((_key, value) => {
      if (value.length > 5_000_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const file = jsonFile('big.json', {
      app: 'lifecycle-lab',
      version: PROGRESS_VERSION,
      exportedAt: '2026-11-27T00:00:00.000Z',
      progress: { drafts: { 'garden-lab/water-the-beds': { 'water.py': draft } } },
    });
    await user.upload(await screen.findByLabelText('Import progress…'), file);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Import refused: it could not be saved (browser storage is full: 10.0 MB to save). Your current progress is unchanged.',
    );
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();
    setItem.mockRestore();
  });

  it('a save that fails is reported under the header', async () => {
    renderApp('/lessons/garden-lab');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    act(() => useProgress.getState().learnTerm('garden-lab', 'gardening', { id: 'compost', term: 'Compost', xp: 5 }));
    expect(screen.getByRole('alert')).toHaveTextContent(/^Your progress could not be saved \(browser storage is full: 1 KB to save\)\./);
    vi.restoreAllMocks();
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
    useProgress.getState().learnTerm('garden-lab', 'gardening', { id: 'compost', term: 'Compost', xp: 5 });
    renderApp('/');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    await user.click(await screen.findByRole('button', { name: 'Export progress (JSON)' }));
    expect(click).toHaveBeenCalledOnce();
    const data = JSON.parse(await created[0]!.text());
    expect(data).toMatchObject({ app: 'lifecycle-lab', version: PROGRESS_VERSION, progress: { learned: { 'garden-lab/compost': expect.any(Number) } } });
    vi.restoreAllMocks();
  });

  it('reset asks for confirmation first', async () => {
    const user = userEvent.setup();
    useProgress.getState().learnTerm('garden-lab', 'gardening', { id: 'compost', term: 'Compost', xp: 5 });
    renderApp('/lessons/garden-lab');
    await user.click(screen.getByRole('button', { name: /Progress/ }));
    await user.click(await screen.findByRole('button', { name: 'Reset progress…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset all progress?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(header().getByText('Total XP: 5')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Reset progress…' }));
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
