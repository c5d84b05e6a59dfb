// The progress room's face: the store (vanilla; its React hook is
// src/lesson/useProgress.ts), the XP rules, the selectors and the export format.

export { formatNumber, readNumberInput, reviewMultiple, sameAnswer, wrongTriesOf, type QuizAnswer } from './quizAnswers';
export { readExport, toExport, type QuizRecord } from './restore';
export { courseProgress, describeProgress, isStepDone, laterStepsDone, lessonComplete, lessonProgress, nextStep, nodesUnlockedBy, otherLessons, questionsLeft, reviewQueue, skillNodeStatuses, skillsByDepth, stepStatuses, xpByPhase, type NodeStatus, type PhaseStatus, type ReviewItem } from './selectors';
export { factsOf, progressStore, quizKey, stepKey, termKey, type NewerSave } from './store';
export { QUIZ_REVEAL_AFTER, REVIEW_FIRST_MS, isRevealed, quizXpFor, solutionStepXp, stepAwardId, totalXp, xpBySkill } from './xp';
