// The repo explorer lists the learner's files, not the lab's own (issue 8).
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { learnerFileTexts } from '../../src/lab/worldFiles';
import RepoExplorer from '../../src/preview/RepoExplorer';

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
