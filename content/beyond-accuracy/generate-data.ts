// This lesson's dataset, generated from a fixed seed so every number in the
// lesson is reproducible and free of licence questions.
// scripts/generate-data.ts writes these files under lab/ (or checks them with --check).
// Card payments → was this payment fraud? About one payment in sixteen is:
// fraud tends to be larger, at night, far from the card holder's home and at
// riskier merchants, but every one of those also happens to honest payments.
import { gaussian, mulberry32 } from '../../scripts/seeded-random.ts';

function payments(seed: number, n: number, fraudShare: number): string {
  const rand = mulberry32(seed);
  const lines = ['amount,night,km_from_home,merchant_risk,fraud'];
  for (let i = 0; i < n; i++) {
    const fraud = rand() < fraudShare ? 1 : 0;
    // Amounts are log-normal; fraudsters spend more, but with a wide overlap.
    const amount = Math.exp((fraud ? 4.7 : 3.6) + 0.9 * gaussian(rand));
    const night = rand() < (fraud ? 0.5 : 0.1) ? 1 : 0;
    const km = Math.max(0, Math.exp((fraud ? 3.3 : 2.0) + 1.1 * gaussian(rand)));
    const risk = Math.min(1, Math.max(0, (fraud ? 0.55 : 0.3) + 0.18 * gaussian(rand)));
    lines.push([amount.toFixed(2), night, km.toFixed(1), risk.toFixed(2), fraud].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The files this lesson's lab starts with, by their path in the project. */
export const DATASETS: Record<string, string> = {
  'data/payments.csv': payments(20261201, 1600, 0.06),
};
