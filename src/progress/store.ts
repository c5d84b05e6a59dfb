// One zustand store built from slices. It stores facts only —
// awards, quiz answers, learned terms, completed steps, drafts — and
// selectors.ts derives totals, node states and percent done. Saving is
// read-merge-write through the storage it is given (localStorage in the browser),
// and other tabs' saves are merged in as they happen (merge.ts), so no tab erases
// what another one did.
// zustand's vanilla store: this room is framework-free; the React hook that
// reads it is bound in the lesson room (src/lesson/useProgress.ts).
import { createStore, type StateCreator } from 'zustand/vanilla';
import { textDigest } from '../lib';
import { index as builtCourse } from 'virtual:lifecycle-content';
import type { CourseIndex } from '../content';
import { auditAwards, auditNotice } from './audit';
import { mergeFacts, type DraftConflict } from './merge';
import { isRightAnswer, sameAnswer, wrongTriesOf, type GradableQuestion, type QuizAnswer } from './quizAnswers';
import { emptyFacts, PROGRESS_VERSION, readPersisted, type ProgressFacts } from './restore';
import { isRevealed, quizAwardId, quizXpFor, reviewAwardId, reviewXpFor, solutionStepXp, stepAwardId, termAwardId, type Award } from './xp';

export const STORAGE_KEY = 'lifecycle-lab:progress';

export interface Toast {
  id: number;
  text: string;
}

interface AwardsSlice {
  awards: ProgressFacts['awards'];
  /** Add an award to the ledger; false (and nothing changes) if that id was already awarded. */
  award: (id: string, xp: number, skill: string, label: string) => boolean;
}

interface QuizSlice {
  quiz: ProgressFacts['quiz'];
  answerQuestion: (
    lessonId: string,
    skill: string,
    question: GradableQuestion & { id: string; xp: number },
    answer: QuizAnswer,
  ) => { correct: boolean; xp: number };
  /** "Show answer": the question is settled and earns nothing. */
  revealAnswer: (lessonId: string, questionId: string) => void;
}

interface ReviewSlice {
  reviews: ProgressFacts['reviews'];
  /**
   * A try at a question of the review queue: recorded, and the first right one
   * earns part of the XP its quiz try lost (xp.ts). Nothing happens for a question not in the queue.
   */
  answerReview: (lessonId: string, skill: string, question: GradableQuestion & { id: string; xp: number }, answer: QuizAnswer) => { right: boolean; xp: number };
}

interface GlossarySlice {
  learned: ProgressFacts['learned'];
  unlearned: ProgressFacts['unlearned'];
  learnTerm: (lessonId: string, skill: string, term: { id: string; term: string; xp: number }) => void;
  unlearnTerm: (lessonId: string, termId: string) => void;
}

interface StepsSlice {
  completedSteps: ProgressFacts['completedSteps'];
  solutionUsed: ProgressFacts['solutionUsed'];
  drafts: ProgressFacts['drafts'];
  draftsAt: ProgressFacts['draftsAt'];
  /** Complete and award the step, once: a third of its XP if the solution was used first (xp.ts). */
  completeStep: (lessonId: string, skill: string, step: { slug: string; title: string; xp: number }) => void;
  /** "Use the solution" on a step not yet completed: remembered, so its completion earns less. */
  markSolutionUsed: (lessonId: string, slug: string) => void;
  saveDraft: (lessonId: string, slug: string, file: string, code: string) => void;
  clearDrafts: (lessonId: string, slug: string) => void;
}

export type ReplaceResult = { ok: true } | { ok: false; reason: string };

/**
 * This browser holds progress saved by a newer version of the app: this tab
 * shows none of it and writes nothing over it until the learner chooses.
 */
export interface NewerSave {
  reason: string;
  /** Where a copy of it was kept. */
  backup: string;
  /** "Keep it" was chosen: the banner stays small, and still nothing is saved here. */
  kept: boolean;
}

interface SessionSlice {
  /** Shown once at the top of the page, e.g. after corrupt progress was set aside. */
  notice: string | null;
  /** Why the last save of progress failed; null once a save succeeds. */
  saveError: string | null;
  /** Set while saved progress of a newer format is in storage: nothing is saved (read-only). */
  newerSave: NewerSave | null;
  /** Keep the newer progress: this tab stays read-only. */
  keepNewerSave: () => void;
  /** Start fresh here: this tab's progress replaces the newer one in storage (its copy stays under `backup`). */
  replaceNewerSave: () => void;
  /** Drafts another tab also edited: the copy that was not kept, to show on the step page. */
  draftConflicts: DraftConflict[];
  toasts: Toast[];
  dismissNotice: () => void;
  dismissToast: (id: number) => void;
  dismissDraftConflict: (conflict: DraftConflict) => void;
  resetProgress: () => void;
  /**
   * Replace all progress (import); refused, with nothing changed, when it cannot be saved.
   * `lessons`: the full lessons, so quiz answers are graded again (audit.ts); the index by default.
   */
  replaceProgress: (facts: ProgressFacts, lessons?: CourseIndex) => ReplaceResult;
}

export type ProgressState = AwardsSlice & QuizSlice & ReviewSlice & GlossarySlice & StepsSlice & SessionSlice;
type Slice<T> = StateCreator<ProgressState, [], [], T>;

export const stepKey = (lessonId: string, slug: string) => `${lessonId}/${slug}`;
export const quizKey = (lessonId: string, questionId: string) => `${lessonId}/${questionId}`;
export const termKey = (lessonId: string, termId: string) => `${lessonId}/${termId}`;

let toastSeq = 0;

const createAwardsSlice: Slice<AwardsSlice> = (set, get) => ({
  awards: {},
  award: (id, xp, skill, label) => {
    if (get().awards[id]) return false;
    const entry: Award = { xp, skill, at: Date.now() };
    set((s) => ({
      awards: { ...s.awards, [id]: entry },
      toasts: [...s.toasts, { id: ++toastSeq, text: `+${xp} XP · ${label}` }].slice(-3),
    }));
    return true;
  },
});

const createQuizSlice: Slice<QuizSlice> = (set, get) => ({
  quiz: {},
  answerQuestion: (lessonId, skill, question, answer) => {
    const key = quizKey(lessonId, question.id);
    const prior = get().quiz[key] ?? { answers: [], correct: false };
    if (prior.correct) return { correct: true, xp: 0 }; // answered already: nothing more to earn
    const correct = isRightAnswer(question, answer);
    const wrongTries = wrongTriesOf(question, prior.answers).length;
    // Once the answer is shown nothing is recorded or earned; a wrong answer already tried costs nothing again.
    if (isRevealed(prior, wrongTries) || (!correct && prior.answers.some((a) => sameAnswer(a, answer)))) return { correct, xp: 0 };
    set((s) => ({
      quiz: { ...s.quiz, [key]: { ...prior, answers: [...prior.answers, answer], correct } },
      // The first miss puts the question in the review queue, from now.
      ...(!correct && !s.reviews[key] ? { reviews: { ...s.reviews, [key]: { since: Date.now(), attempts: [] } } } : {}),
    }));
    if (!correct) return { correct, xp: 0 };
    const xp = quizXpFor(question.xp, wrongTries);
    return { correct, xp: get().award(quizAwardId(lessonId, question.id), xp, skill, 'Quiz') ? xp : 0 };
  },
  revealAnswer: (lessonId, questionId) => {
    const key = quizKey(lessonId, questionId);
    const prior = get().quiz[key] ?? { answers: [], correct: false };
    if (prior.correct || prior.revealed) return;
    set((s) => ({
      quiz: { ...s.quiz, [key]: { ...prior, revealed: true } },
      reviews: s.reviews[key] ? s.reviews : { ...s.reviews, [key]: { since: Date.now(), attempts: [] } },
    }));
  },
});

const createReviewSlice: Slice<ReviewSlice> = (set, get) => ({
  reviews: {},
  answerReview: (lessonId, skill, question, answer) => {
    const key = quizKey(lessonId, question.id);
    if (!get().reviews[key]) return { right: false, xp: 0 };
    const right = isRightAnswer(question, answer);
    set((s) => {
      const record = s.reviews[key] ?? { since: Date.now(), attempts: [] };
      return { reviews: { ...s.reviews, [key]: { ...record, attempts: [...record.attempts, { at: Date.now(), right }] } } };
    });
    if (!right) return { right, xp: 0 };
    const xp = reviewXpFor(question.xp, get().awards[quizAwardId(lessonId, question.id)]?.xp ?? 0);
    return { right, xp: xp > 0 && get().award(reviewAwardId(lessonId, question.id), xp, skill, 'Review') ? xp : 0 };
  },
});

const createGlossarySlice: Slice<GlossarySlice> = (set, get) => ({
  learned: {},
  unlearned: {},
  learnTerm: (lessonId, skill, term) => {
    const key = termKey(lessonId, term.id);
    if (get().learned[key]) return;
    set((s) => {
      const { [key]: _was, ...unlearned } = s.unlearned;
      // Later than this tab's own un-learning, even within one millisecond (merge.ts: the later wins).
      return { learned: { ...s.learned, [key]: Math.max(Date.now(), (s.unlearned[key] ?? 0) + 1) }, unlearned };
    });
    get().award(termAwardId(lessonId, term.id), term.xp, skill, `Learned “${term.term}”`);
  },
  unlearnTerm: (lessonId, termId) => {
    // Un-learning takes the term's award out of the ledger too, so XP always
    // equals what the learner currently holds; learning it again re-awards once.
    // The time is kept so another tab's older "learned" does not win (merge.ts).
    set((s) => {
      const key = termKey(lessonId, termId);
      const { [key]: _term, ...learned } = s.learned;
      const { [termAwardId(lessonId, termId)]: _award, ...awards } = s.awards;
      return { learned, awards, unlearned: { ...s.unlearned, [key]: Math.max(Date.now(), (s.learned[key] ?? 0) + 1) } };
    });
  },
});

const createStepsSlice: Slice<StepsSlice> = (set, get) => ({
  completedSteps: {},
  solutionUsed: {},
  drafts: {},
  draftsAt: {},
  completeStep: (lessonId, skill, step) => {
    const key = stepKey(lessonId, step.slug);
    if (!get().completedSteps[key]) set((s) => ({ completedSteps: { ...s.completedSteps, [key]: Date.now() } }));
    const withSolution = get().solutionUsed[key] !== undefined;
    const xp = withSolution ? solutionStepXp(step.xp) : step.xp;
    get().award(stepAwardId(lessonId, step.slug), xp, skill, `Step “${step.title}”${withSolution ? ' (with the solution)' : ''}`);
  },
  markSolutionUsed: (lessonId, slug) => {
    const key = stepKey(lessonId, slug);
    // A step already completed keeps what it earned: using the solution afterwards changes nothing.
    if (get().completedSteps[key] || get().solutionUsed[key] !== undefined) return;
    set((s) => ({ solutionUsed: { ...s.solutionUsed, [key]: Date.now() } }));
  },
  saveDraft: (lessonId, slug, file, code) =>
    set((s) => {
      const key = stepKey(lessonId, slug);
      return {
        drafts: { ...s.drafts, [key]: { ...s.drafts[key], [file]: code } },
        draftsAt: { ...s.draftsAt, [key]: { ...s.draftsAt[key], [file]: Date.now() } },
      };
    }),
  clearDrafts: (lessonId, slug) =>
    set((s) => {
      const key = stepKey(lessonId, slug);
      const { [key]: gone, ...drafts } = s.drafts;
      // A clear is a save of "no draft": its time keeps another tab's older text from coming back.
      const now = Date.now();
      const cleared = Object.fromEntries(Object.keys({ ...gone, ...s.draftsAt[key] }).map((f) => [f, now]));
      return { drafts, draftsAt: { ...s.draftsAt, [key]: cleared } };
    }),
});

/** Pick the persisted facts out of the whole state. */
export function factsOf(s: ProgressFacts): ProgressFacts {
  return {
    awards: s.awards,
    quiz: s.quiz,
    learned: s.learned,
    unlearned: s.unlearned,
    completedSteps: s.completedSteps,
    solutionUsed: s.solutionUsed,
    drafts: s.drafts,
    draftsAt: s.draftsAt,
    reviews: s.reviews,
  };
}

const FACT_KEYS = Object.keys(emptyFacts()) as (keyof ProgressFacts)[];
const sameFacts = (a: ProgressFacts, b: ProgressFacts) => FACT_KEYS.every((k) => a[k] === b[k]);
const equalFacts = (a: ProgressFacts, b: ProgressFacts) => JSON.stringify(factsOf(a)) === JSON.stringify(factsOf(b));

const joinNotice = (a: string | null, b: string | null) => (a && b ? `${a} ${b}` : (a ?? b));

const kb = (chars: number) => (chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(chars / 1000))} KB`);

function describeWriteError(error: unknown, size: number): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const why = /quota/i.test(name) || /quota/i.test(String(error)) ? `browser storage is full: ${kb(size)} to save` : `the browser refused to store it (${String(error)})`;
  return why;
}

/**
 * Where progress is kept, by key: this browser's localStorage, or any key-value
 * store a test or another host hands in. Every read and write of the store goes
 * through it. Reads and writes may throw (storage blocked or full).
 */
export interface ProgressStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  /** Call `listener` with each value another tab saves under a key; returns the unsubscribe. */
  subscribe: (listener: (key: string, value: string) => void) => () => void;
}

/** localStorage, and the `storage` event the browser fires in every other tab after a save. */
export const browserStorage: ProgressStorage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
  subscribe: (listener) => {
    if (typeof window === 'undefined') return () => undefined;
    const onStorage = (event: StorageEvent) => {
      if (event.key !== null && event.newValue !== null) listener(event.key, event.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
};

/**
 * Keep an unreadable saved value aside, once: the key names its digest, so the
 * same value found on every load is one copy, not a new one each time.
 */
function keepAside(storage: ProgressStorage, raw: string): string {
  const backup = `${STORAGE_KEY}:unreadable:${textDigest(raw)}`;
  try {
    if (storage.getItem(backup) !== raw) storage.setItem(backup, raw);
  } catch {
    /* keep going: the notice still tells the learner */
  }
  return backup;
}

interface Loaded {
  facts: ProgressFacts;
  epoch: number;
  notice: string | null;
  newerSave: NewerSave | null;
}

/** Read saved progress at start-up: repaired, audited, and what to tell the learner. */
function load(course: CourseIndex, storage: ProgressStorage): Loaded {
  const fresh = { facts: emptyFacts(), epoch: 0, notice: null, newerSave: null };
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return fresh; // storage blocked (private mode, policy): run without persistence
  }
  if (raw === null) return fresh;
  try {
    const result = readPersisted(raw);
    if (!result.ok) {
      // Unreadable, foreign or newer data is copied aside, never silently destroyed.
      const backup = keepAside(storage, raw);
      if (result.newer) return { ...fresh, newerSave: { reason: result.reason, backup, kept: false } };
      return {
        ...fresh,
        notice: `Your saved progress could not be read (${result.reason}), so this page started fresh. The old data was kept in this browser under “${backup}”.`,
      };
    }
    const audited = auditAwards(result.facts, course);
    const damaged =
      result.dropped > 0
        ? `Some saved progress was damaged: ${result.dropped} unreadable entr${result.dropped === 1 ? 'y was' : 'ies were'} dropped; the rest was kept.`
        : null;
    return { facts: audited.facts, epoch: result.epoch, notice: joinNotice(damaged, auditNotice(audited, result.unsafe)), newerSave: null };
  } catch (error) {
    // Whatever the saved data is, the page still renders (a blank page is never the answer).
    return { ...fresh, notice: `Your saved progress could not be read (${String(error)}), so this page started fresh. The old data was kept in this browser under “${keepAside(storage, raw)}”.` };
  }
}

export function createProgressStore(course: CourseIndex = builtCourse, storage: ProgressStorage = browserStorage) {
  const initial = load(course, storage);
  /** When progress was last reset or imported, here or in a tab we have heard from. */
  let epoch = initial.epoch;
  /** The draft times this tab last saw in storage: a change on both sides since then is a conflict. */
  let seen: ProgressFacts['draftsAt'] = initial.facts.draftsAt;
  /** True while the store takes in facts from storage: that is no change of ours to save. */
  let absorbing = false;
  /** The learner chose to replace progress of a newer format (reset, or "Start fresh here"): the next save may write over it. */
  let overNewer = false;

  const store = createStore<ProgressState>()((set, get, api) => ({
    ...createAwardsSlice(set, get, api),
    ...createQuizSlice(set, get, api),
    ...createReviewSlice(set, get, api),
    ...createGlossarySlice(set, get, api),
    ...createStepsSlice(set, get, api),
    ...initial.facts,
    notice: initial.notice,
    saveError: null,
    newerSave: initial.newerSave,
    keepNewerSave: () => set((s) => (s.newerSave ? { newerSave: { ...s.newerSave, kept: true } } : {})),
    replaceNewerSave: () => {
      overNewer = true;
      set({ newerSave: null });
      save();
    },
    draftConflicts: [],
    toasts: [],
    dismissNotice: () => set({ notice: null }),
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    dismissDraftConflict: (conflict) => set((s) => ({ draftConflicts: s.draftConflicts.filter((c) => c !== conflict) })),
    resetProgress: () => {
      epoch = Math.max(Date.now(), epoch + 1);
      overNewer = true; // a reset is the learner's choice, over newer progress too
      set({ ...emptyFacts(), toasts: [], draftConflicts: [], newerSave: null });
    },
    replaceProgress: (facts, lessons = course) => {
      const audited = auditAwards(facts, lessons, { gradeQuiz: true });
      const next = Math.max(Date.now(), epoch + 1);
      const raw = serialize(audited.facts, next);
      // Save first: an import that cannot be kept is refused, not shown and then lost on reload.
      try {
        storage.setItem(STORAGE_KEY, raw);
      } catch (error) {
        return { ok: false, reason: `it could not be saved (${describeWriteError(error, raw.length)})` };
      }
      epoch = next;
      seen = audited.facts.draftsAt;
      absorb({ ...audited.facts }, { toasts: [], draftConflicts: [], saveError: null, notice: auditNotice(audited), newerSave: null });
      return { ok: true };
    },
  }));

  function serialize(facts: ProgressFacts, at: number) {
    return JSON.stringify({ state: factsOf(facts), version: PROGRESS_VERSION, epoch: at });
  }

  function absorb(facts: ProgressFacts, extra: Partial<ProgressState> = {}) {
    absorbing = true;
    try {
      store.setState({ ...facts, ...extra });
    } finally {
      absorbing = false;
    }
  }

  function addConflicts(conflicts: DraftConflict[]) {
    if (conflicts.length) store.setState((s) => ({ draftConflicts: [...s.draftConflicts, ...conflicts] }));
  }

  /** Read what is stored, merge this tab's facts into it, write the result. */
  function save() {
    if (store.getState().newerSave) return; // read-only until the learner chooses
    const mine = factsOf(store.getState());
    let merged = mine;
    let conflicts: DraftConflict[] = [];
    let raw: string | null = null;
    try {
      raw = storage.getItem(STORAGE_KEY);
    } catch {
      /* unreadable now: write ours */
    }
    const stored = raw === null ? null : readPersisted(raw);
    if (raw !== null && stored && !stored.ok && stored.newer && !overNewer) {
      // Another tab of a newer version saved in its format: do not write an older one over it.
      store.setState({ newerSave: { reason: stored.reason, backup: keepAside(storage, raw), kept: false } });
      return;
    }
    if (stored?.ok && stored.epoch > epoch) {
      // Another tab reset or imported after this tab last heard: its data is the new start.
      epoch = stored.epoch;
      merged = auditAwards(stored.facts, course).facts;
      store.setState((s) => ({ notice: joinNotice(s.notice, 'Your progress was reset or imported in another tab; this tab now shows that progress.') }));
    } else if (stored?.ok && stored.epoch === epoch) {
      ({ facts: merged, conflicts } = mergeFacts(mine, auditAwards(stored.facts, course).facts, seen));
    }
    if (!equalFacts(merged, mine)) absorb(merged);
    addConflicts(conflicts);
    const text = serialize(merged, epoch);
    try {
      storage.setItem(STORAGE_KEY, text);
      overNewer = false;
      seen = merged.draftsAt;
      if (store.getState().saveError) store.setState({ saveError: null });
    } catch (error) {
      store.setState({
        saveError: `Your progress could not be saved (${describeWriteError(error, text.length)}). Your latest changes will be lost on reload; use Progress ▾ → Export to keep a copy, or free space in this browser.`,
      });
    }
  }

  store.subscribe((state, prev) => {
    if (!absorbing && !sameFacts(state, prev)) save();
  });

  // Another tab saved: take in its facts by the same rules (merge.ts).
  storage.subscribe((key, value) => {
    if (key !== STORAGE_KEY) return;
    const theirs = readPersisted(value);
    if (!theirs.ok) {
      if (theirs.newer && !store.getState().newerSave) store.setState({ newerSave: { reason: theirs.reason, backup: keepAside(storage, value), kept: false } });
      return;
    }
    if (theirs.epoch < epoch) {
      save(); // a tab that missed our reset or import wrote old facts over it: put ours back
      return;
    }
    const audited = auditAwards(theirs.facts, course);
    if (theirs.epoch > epoch) {
      epoch = theirs.epoch;
      seen = audited.facts.draftsAt;
      absorb(audited.facts, { draftConflicts: [] });
      store.setState((s) => ({ notice: joinNotice(s.notice, 'Your progress was reset or imported in another tab; this tab now shows that progress.') }));
      return;
    }
    const { facts, conflicts } = mergeFacts(factsOf(store.getState()), audited.facts, seen);
    seen = audited.facts.draftsAt;
    absorb(facts);
    addConflicts(conflicts);
  });

  return store;
}

/** The page's progress, saved in this browser's localStorage. */
export const progressStore = createProgressStore();
