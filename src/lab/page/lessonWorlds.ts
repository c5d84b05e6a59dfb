// Each lesson's start project is its own chunk (scripts/vite-plugin-world.ts),
// fetched when that lesson's lab starts: its data never weighs on the page's
// first load.
import { worlds } from 'virtual:lifecycle-worlds';
import type { StartWorld } from '../startWorld';

export async function loadStartWorld(lessonId: string): Promise<StartWorld> {
  const load = worlds[lessonId];
  if (!load) throw new Error(`no lesson "${lessonId}" has a lab`);
  return (await load()).world;
}
