// One zustand store built from slices, persisted once (STYLE.md 5). It stores
// facts only — awards, quiz answers, learned terms, completed steps, drafts —
// and selectors.ts derives totals, node states and percent done.
import { create, type StateCreator } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { emptyFacts, PROGRESS_VERSION, readPersisted, type ProgressFacts } from './restore';
import { quizAwardId, quizXpFor, stepAwardId, termAwardId, type Award } from './xp';

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
    question: { id: string; answer: string; xp: number },
    option: string,
  ) => { correct: boolean; xp: number };
}

interface GlossarySlice {
  learned: ProgressFacts['learned'];
  learnTerm: (lessonId: string, skill: string, term: { id: string; term: string; xp: number }) => void;
  unlearnTerm: (lessonId: string, termId: string) => void;
}

interface StepsSlice {
  completedSteps: ProgressFacts['completedSteps'];
  drafts: ProgressFacts['drafts'];
  completeStep: (lessonId: string, skill: string, step: { slug: string; title: string; xp: number }) => void;
  saveDraft: (lessonId: string, slug: string, file: string, code: string) => void;
  clearDrafts: (lessonId: string, slug: string) => void;
}

interface SessionSlice {
  /** Shown once at the top of the page, e.g. after corrupt progress was set aside. */
  notice: string | null;
  toasts: Toast[];
  dismissNotice: () => void;
  dismissToast: (id: number) => void;
  resetProgress: () => void;
  replaceProgress: (facts: ProgressFacts) => void;
}

export type ProgressState = AwardsSlice & QuizSlice & GlossarySlice & StepsSlice & SessionSlice;
type Slice<T> = StateCreator<ProgressState, [['zustand/persist', unknown]], [], T>;

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
  answerQuestion: (lessonId, skill, question, option) => {
    const key = quizKey(lessonId, question.id);
    const prior = get().quiz[key] ?? { answers: [], correct: false };
    if (prior.correct) return { correct: true, xp: 0 }; // answered already: nothing more to earn
    const correct = option === question.answer;
    const wrongTries = prior.answers.filter((a) => a !== question.answer).length;
    set((s) => ({ quiz: { ...s.quiz, [key]: { answers: [...prior.answers, option], correct } } }));
    if (!correct) return { correct, xp: 0 };
    const xp = quizXpFor(question.xp, wrongTries);
    return { correct, xp: get().award(quizAwardId(lessonId, question.id), xp, skill, 'Quiz') ? xp : 0 };
  },
});

const createGlossarySlice: Slice<GlossarySlice> = (set, get) => ({
  learned: {},
  learnTerm: (lessonId, skill, term) => {
    const key = termKey(lessonId, term.id);
    if (get().learned[key]) return;
    set((s) => ({ learned: { ...s.learned, [key]: Date.now() } }));
    get().award(termAwardId(lessonId, term.id), term.xp, skill, `Learned “${term.term}”`);
  },
  unlearnTerm: (lessonId, termId) => {
    // Un-learning takes the term's award out of the ledger too, so XP always
    // equals what the learner currently holds; learning it again re-awards once.
    set((s) => {
      const { [termKey(lessonId, termId)]: _term, ...learned } = s.learned;
      const { [termAwardId(lessonId, termId)]: _award, ...awards } = s.awards;
      return { learned, awards };
    });
  },
});

const createStepsSlice: Slice<StepsSlice> = (set, get) => ({
  completedSteps: {},
  drafts: {},
  completeStep: (lessonId, skill, step) => {
    const key = stepKey(lessonId, step.slug);
    if (!get().completedSteps[key]) set((s) => ({ completedSteps: { ...s.completedSteps, [key]: Date.now() } }));
    get().award(stepAwardId(lessonId, step.slug), step.xp, skill, `Step “${step.title}”`);
  },
  saveDraft: (lessonId, slug, file, code) =>
    set((s) => {
      const key = stepKey(lessonId, slug);
      return { drafts: { ...s.drafts, [key]: { ...s.drafts[key], [file]: code } } };
    }),
  clearDrafts: (lessonId, slug) =>
    set((s) => {
      const { [stepKey(lessonId, slug)]: _gone, ...drafts } = s.drafts;
      return { drafts };
    }),
});

const createSessionSlice: Slice<SessionSlice> = (set) => ({
  notice: null,
  toasts: [],
  dismissNotice: () => set({ notice: null }),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  resetProgress: () => set({ ...emptyFacts(), toasts: [] }),
  replaceProgress: (facts) => set({ ...facts, toasts: [] }),
});

/** Pick the persisted facts out of the whole state. */
export function factsOf(s: ProgressFacts): ProgressFacts {
  return { awards: s.awards, quiz: s.quiz, learned: s.learned, completedSteps: s.completedSteps, drafts: s.drafts };
}

// The notice is produced while reading storage, before the store exists.
let pendingNotice: string | null = null;

/**
 * localStorage, read through restore.ts. Unreadable, foreign or newer data is
 * copied to a backup key (never silently destroyed) and the page starts fresh
 * with a notice.
 */
export const safeStorage: PersistStorage<ProgressFacts> = {
  getItem(name) {
    let raw: string | null;
    try {
      raw = localStorage.getItem(name);
    } catch {
      return null; // storage blocked (private mode, policy): run without persistence
    }
    if (raw === null) return null;
    const result = readPersisted(raw);
    if (!result.ok) {
      const backup = `${name}:unreadable:${new Date().toISOString()}`;
      try {
        localStorage.setItem(backup, raw);
      } catch {
        /* keep going: the notice still tells the learner */
      }
      pendingNotice = `Your saved progress could not be read (${result.reason}), so this page started fresh. The old data was kept in this browser under “${backup}”.`;
      return null;
    }
    if (result.dropped > 0) {
      pendingNotice = `Some saved progress was damaged: ${result.dropped} unreadable entr${result.dropped === 1 ? 'y was' : 'ies were'} dropped; the rest was kept.`;
    }
    return { state: result.facts, version: PROGRESS_VERSION } satisfies StorageValue<ProgressFacts>;
  },
  setItem(name, value) {
    try {
      localStorage.setItem(name, JSON.stringify(value));
    } catch {
      /* quota exceeded or storage blocked: progress stays in memory */
    }
  },
  removeItem(name) {
    try {
      localStorage.removeItem(name);
    } catch {
      /* nothing to remove */
    }
  },
};

export function createProgressStore() {
  return create<ProgressState>()(
    persist(
      (...a) => ({
        ...createAwardsSlice(...a),
        ...createQuizSlice(...a),
        ...createGlossarySlice(...a),
        ...createStepsSlice(...a),
        ...createSessionSlice(...a),
      }),
      {
        name: STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: safeStorage,
        partialize: (s) => factsOf(s),
        // Migration and repair happen in safeStorage.getItem (restore.ts), which
        // always hands back the current version.
        // Called on every hydration, with undefined when storage had nothing usable.
        merge: (persisted, current) => {
          const notice = pendingNotice ?? current.notice;
          pendingNotice = null;
          return { ...current, ...(persisted as Partial<ProgressFacts> | undefined), notice };
        },
      },
    ),
  );
}

export const useProgress = createProgressStore();
