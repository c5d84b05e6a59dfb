import type { Lesson, Phase } from '../content';
import type { NodeStatus, PhaseStatus } from '../progress';

/** A phase's label as the lesson names it (lesson.md `phases:`). */
export const phaseLabel = (lesson: Pick<Lesson, 'phases'>, phase: Phase) => lesson.phases.find((p) => p.id === phase)?.label ?? phase;

export const PHASE_STATUS_LABEL: Record<PhaseStatus, string> = {
  done: 'Done',
  current: 'Current',
  'not-started': 'Not started',
};

export const NODE_STATUS_LABEL: Record<NodeStatus, string> = {
  locked: 'Locked',
  unlocked: 'Unlocked',
  mastered: 'Mastered',
};

export const stepPath = (lessonId: string, slug: string) => `/lessons/${lessonId}/steps/${slug}`;
