// The drift monitor (localhost:3000 on a monitoring step): PSI per feature, and — as Evidently's data drift
// report shows them — each feature's reference and current distributions side by side.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyOutcome } from '../../src/lab/outcome';
import DriftMonitor from '../../src/preview/DriftMonitor';

const flat = Array.from({ length: 4 }, () => 0.25);
const outcome = {
  ...emptyOutcome(),
  drift: [
    { column: 'temperature', psi: 0.61, bins: 4, reference: flat, current: [0.05, 0.1, 0.25, 0.6] },
    { column: 'rpm', psi: 0.02, bins: 4, reference: flat, current: [0.24, 0.26, 0.25, 0.25] },
  ],
};

describe('the drift monitor', () => {
  it('draws reference against current for each feature, with its PSI and level', () => {
    render(<DriftMonitor outcome={outcome} />);
    const section = within(screen.getByRole('region', { name: 'Distributions: reference and current' }));
    const charts = section.getAllByRole('img');
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      'temperature, share of rows per bin, reference vs current: bin 1: 25% vs 5%, bin 2: 25% vs 10%, bin 3: 25% vs 25%, bin 4: 25% vs 60%',
      'rpm, share of rows per bin, reference vs current: bin 1: 25% vs 24%, bin 2: 25% vs 26%, bin 3: 25% vs 25%, bin 4: 25% vs 25%',
    ]);
    expect(section.getByText(/PSI 0\.610 \(major\)/)).toBeInTheDocument();
    expect(section.getByText(/PSI 0\.020 \(stable\)/)).toBeInTheDocument();
  });

  // Lesson-agnostic: whichever alias the lesson's registry uses, the monitor names it.
  it('says which alias a retrained version now has, or that none points at it', () => {
    const registry = (aliases: Record<string, string>) => ({
      ...outcome,
      newVersions: [{ name: 'churn-model', version: '3' }],
      tracking: {
        ...outcome.tracking,
        registered_models: { 'churn-model': { name: 'churn-model', creation_timestamp: 1, last_updated_timestamp: 2, aliases, versions: {} } },
      },
    });
    const { unmount } = render(<DriftMonitor outcome={registry({ production: '3', staging: '2' })} />);
    expect(screen.getByText('Retrained: churn-model version 3 is now @production.')).toBeInTheDocument();
    unmount();
    render(<DriftMonitor outcome={registry({ production: '2' })} />);
    expect(screen.getByText('A new version was registered (churn-model v3), but no alias points at it.')).toBeInTheDocument();
  });

  it('draws a feature measured twice once, with its last measurement', () => {
    const again = { ...outcome, drift: [outcome.drift[0]!, { ...outcome.drift[0]!, psi: 0.3, current: [0.1, 0.2, 0.3, 0.4] }] };
    render(<DriftMonitor outcome={again} />);
    const charts = within(screen.getByRole('region', { name: 'Distributions: reference and current' })).getAllByRole('img');
    expect(charts).toHaveLength(1);
    expect(charts[0]).toHaveAccessibleName(/bin 4: 25% vs 40%$/);
  });
});
