// A lesson's skill matrix (skills.md): its nodes' references to each other, to
// glossary terms and to steps, and prerequisites that loop.
import type { SkillNode } from './model.ts';
import { checkUnique, type SourceFile } from './sourceFile.ts';

/** `termIds` are the glossary's (`hasGlossary` false without a glossary.md); `stepSlugs` those the step files name. */
export function checkSkills(skillsFile: SourceFile, nodes: SkillNode[], termIds: ReadonlySet<string>, hasGlossary: boolean, stepSlugs: ReadonlySet<string>): void {
  checkUnique(skillsFile, nodes, 'nodes', (n) => n.id, 'id');
  const nodeIds = new Set(nodes.map((n) => n.id));
  nodes.forEach((n, i) => {
    n.requires.forEach((r, j) => {
      if (!nodeIds.has(r)) skillsFile.error(['nodes', i, 'requires', j], `no skill node has the id "${r}"`);
      if (r === n.id) skillsFile.error(['nodes', i, 'requires', j], 'a node cannot require itself');
    });
    n.terms.forEach((t, j) => {
      if (!termIds.has(t)) skillsFile.error(['nodes', i, 'terms', j], `no glossary term has the id "${t}"${hasGlossary ? '' : ' (this lesson has no glossary.md)'}`);
    });
    if (stepSlugs.size > 0 && !stepSlugs.has(n.masteredBy)) {
      skillsFile.error(['nodes', i, 'masteredBy'], `no step has the slug "${n.masteredBy}" (steps: ${[...stepSlugs].join(', ')})`);
    }
  });
  const cycle = findCycle(nodes);
  if (cycle) {
    const i = nodes.findIndex((n) => n.id === cycle[0]);
    skillsFile.error(['nodes', i, 'requires'], `prerequisites form a loop: ${cycle.join(' → ')}`);
  }
}

function findCycle(nodes: SkillNode[]): string[] | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const r of byId.get(id)?.requires ?? []) {
      if (r === id) continue; // reported separately
      const found = visit(r);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const n of nodes) {
    const found = visit(n.id);
    if (found) return found;
  }
  return undefined;
}
