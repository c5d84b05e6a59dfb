import type { CodeLanguage } from '../content/model';

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
  /** Monaco's tab-focus mode (Ctrl+M): true when Tab moves focus instead of inserting spaces. */
  onTabFocusModeChange?: ((tabMovesFocus: boolean) => void) | undefined;
}
