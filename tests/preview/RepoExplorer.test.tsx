// The repo explorer lists the learner's files, not the lab's own (issue 8).
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { learnerFileTexts } from '../../src/lab/worldFiles';
import RepoExplorer, { buildTree } from '../../src/preview/RepoExplorer';

describe('RepoExplorer', () => {
  it('does not list the lab’s tracking store (.lab/) or git’s internals', () => {
    const files = { 'README.md': '# Pump\n', 'data/raw_data.csv': 'a\n', '.gitignore': '/.lab/\n', '.lab/tracking.json': '{}', '.git/HEAD': 'ref: refs/heads/main\n' };
    render(<RepoExplorer repo={null} files={learnerFileTexts(files)} />);
    expect(screen.getByRole('button', { name: 'README.md' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '.gitignore' })).toBeInTheDocument();
    expect(screen.queryByText('.lab/')).toBeNull();
    expect(screen.queryByRole('button', { name: 'tracking.json' })).toBeNull();
    expect(screen.queryByText('.git/')).toBeNull();
  });
});

describe('the explorer’s tree (issue 22: linear in the files)', () => {
  const shape = (nodes: ReturnType<typeof buildTree>): unknown => nodes.map((n) => (n.children ? { [n.name]: shape(n.children) } : n.name));
  it.each([
    [['README.md'], ['README.md']],
    [['data/b.csv', 'README.md', 'data/a.csv', 'data/live/x.csv'], [{ data: [{ live: ['x.csv'] }, 'a.csv', 'b.csv'] }, 'README.md']],
    [['z/1', 'a/1', 'a/2'], [{ a: ['1', '2'] }, { z: ['1'] }]],
  ])('%j', (paths, expected) => {
    expect(shape(buildTree(paths))).toEqual(expected);
  });

  it('10,000 files in one folder are all there, with their full paths', () => {
    const paths = Array.from({ length: 10_000 }, (_, i) => `data/f${String(i).padStart(5, '0')}.csv`);
    const [data] = buildTree([...paths].reverse());
    expect(data?.children?.map((n) => n.path)).toEqual(paths);
  });
});

describe('a closed folder (issue 22: the explorer draws what is shown)', () => {
  it('draws its files only once the learner opens it', async () => {
    const files = { 'README.md': '# x\n', 'data/deep/a.csv': 'a\n', '.dvc/config': '' };
    render(<RepoExplorer repo={null} files={learnerFileTexts(files)} />);
    expect(screen.queryByRole('button', { name: 'a.csv' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'config' })).toBeNull();
    await userEvent.click(screen.getByText('deep/'));
    expect(screen.getByRole('button', { name: 'a.csv' })).toBeInTheDocument();
  });
});
