// The lesson's dataset, generated from a fixed seed so every number in the
// lesson is reproducible and free of licence questions (docs/tool-facts.md).
// scripts/generate-data.ts writes these files under lab/ (or checks them with --check).
// Pump sensor readings → will the pump fail soon? Live batches drift on purpose:
// batch_01 like the training data, batch_02 a little warmer, batch_03 a failing
// cooling fan (much hotter, more vibration).

import { gaussian, mulberry32 } from '../../scripts/seeded-random.ts';

interface Shift {
  temperature: number;
  vibration: number;
  pressure: number;
  rpm: number;
}

function rows(seed: number, n: number, shift: Shift): string {
  const rand = mulberry32(seed);
  const lines = ['temperature,vibration,pressure,rpm,failure'];
  for (let i = 0; i < n; i++) {
    const temperature = 70 + shift.temperature + 8 * gaussian(rand);
    const vibration = Math.max(0.05, 0.45 + shift.vibration + 0.15 * gaussian(rand));
    const pressure = 101 + shift.pressure + 3 * gaussian(rand);
    const rpm = 1500 + shift.rpm + 120 * gaussian(rand);
    // Hot, shaking pumps at low pressure fail; the label is a noisy draw from that risk.
    const z = 1.5 * ((temperature - 72) / 8) + 1.2 * ((vibration - 0.5) / 0.15) - 0.6 * ((pressure - 101) / 3) + 0.3 * ((rpm - 1500) / 120);
    const p = 1 / (1 + Math.exp(-2.2 * z));
    const failure = rand() < p ? 1 : 0;
    lines.push([temperature.toFixed(1), vibration.toFixed(3), pressure.toFixed(1), Math.round(rpm), failure].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The files this lesson's lab starts with, by their path in the project. */
export const DATASETS: Record<string, string> = {
  'data/raw_data.csv': rows(20261127, 400, { temperature: 0, vibration: 0, pressure: 0, rpm: 0 }),
  'data/live/batch_01.csv': rows(101, 250, { temperature: 0.5, vibration: 0, pressure: 0, rpm: 0 }),
  'data/live/batch_02.csv': rows(202, 250, { temperature: 3, vibration: 0.03, pressure: -0.5, rpm: 0 }),
  'data/live/batch_03.csv': rows(303, 250, { temperature: 9, vibration: 0.12, pressure: -1, rpm: 40 }),
};
