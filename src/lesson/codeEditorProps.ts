import type { CodeLanguage } from '../content';

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  onChange: (value: string) => void;
  readOnly: boolean;
  /** Accessible name of the editing area. */
  label: string;
  theme: 'dark' | 'light';
  /** A model path, so each file keeps its own undo history. */
  path: string;
  /** Ctrl/⌘ + Enter inside the editor. */
  onRun?: (() => void) | undefined;
  /** The line the last run's error points at, marked in the editor. */
  errorMarker?: { line: number; message: string } | null | undefined;
  /** Monaco's screen-reader mode on (`accessibilitySupport: 'on'`) rather than left to its own detection. */
  screenReader?: boolean | undefined;
  /** Monaco's tab-focus mode (Ctrl+M): true when Tab moves focus instead of inserting spaces. */
  onTabFocusModeChange?: ((tabMovesFocus: boolean) => void) | undefined;
  /**
   * Called once the editor shows the code: it may hand over the cursor and the
   * keys the learner typed in the static view meanwhile.
   */
  onReady?: (() => EditorHandoff | null) | undefined;
}

/**
 * What the learner's cursor and keys were while Monaco loaded (issue 9 §2): the
 * editor places the cursor there and types the keys, so none is lost.
 */
export interface EditorHandoff {
  /** 1-based, as Monaco counts. */
  line: number;
  column: number;
  /** Keys in order: one character, or "Enter", "Backspace", "Delete", "Tab". */
  keys: string[];
}

/**
 * The editor's metrics, shared by Monaco's options and the static view that
 * paints the code before Monaco loads, so nothing moves when it takes over.
 * Monaco's gutter is line numbers (at least three digits, rounded to whole
 * pixels) + decorations (10 px, + 16 px for folding); no glyph margin.
 */
export const EDITOR_METRICS = {
  fontFamily: "Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Droid Sans Mono', monospace",
  fontSize: 14,
  lineHeight: 20,
  paddingTop: 12,
  lineNumbersMinChars: 3,
  decorationsWidth: 26,
  tabSize: 4,
  /** Monaco's vertical scrollbar, which wrapping leaves room for. */
  scrollbarWidth: 14,
} as const;

/** The lab themes' surfaces (CodeEditor.tsx defines them for Monaco). */
export const EDITOR_COLOURS = {
  dark: { background: '#111a2e', lineNumber: '#a7b1cb', activeLineNumber: '#e6eaf5' },
  light: { background: '#fffffe', lineNumber: '#4b5563', activeLineNumber: '#111827' },
} as const;
