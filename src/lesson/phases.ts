import type { Phase } from '../content/model';
import type { NodeStatus, PhaseStatus } from '../progress/selectors';

export const PHASE_LABEL: Record<Phase, string> = {
  ingestion: 'Ingestion',
  training: 'Training',
  tracking: 'Tracking',
  deployment: 'Deployment',
  monitoring: 'Monitoring',
};

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
