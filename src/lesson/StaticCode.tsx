// The learner's code as the editor will show it, painted at once (issue 9 §2):
// Monaco takes seconds to evaluate on a phone, so this view stands in until it
// has loaded — same font, line height, padding, gutter and token colours, so
// nothing moves when it takes over. It is readable and selectable; pointing at
// it starts loading the editor, and focusing, clicking or typing in it asks for
// the editor too, with the cursor and any keys typed meanwhile handed over
// (EditorHandoff), so no keystroke is lost.
import { useMemo, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { CodeLanguage } from '../content';
import { EDITOR_COLOURS, EDITOR_METRICS as M, type EditorHandoff } from './codeEditorProps';
import { isItalic, tokenColor, tokenizeLines } from './tokenize';

interface Props {
  code: string;
  language: CodeLanguage;
  theme: 'dark' | 'light';
  label: string;
  /** The learner reaches for the code: load the editor now. */
  onWake: () => void;
  /** Where the handoff is kept until the editor reads it. */
  handoffRef: RefObject<EditorHandoff | null>;
}

// Not Tab: in this view it moves focus on, as everywhere on the page (issue 23: it inserted spaces,
// so a keyboard learner passing through was caught in the code). Inside the editor, Tab indents.
const EDIT_KEYS = new Set(['Enter', 'Backspace', 'Delete']);

/** The 1-based line and column of a DOM position inside the view. */
function positionOf(node: Node, offset: number): { line: number; column: number } | null {
  const el = node instanceof Element ? node : node.parentElement;
  const lineEl = el?.closest('[data-line]');
  if (!lineEl) return null;
  let column = 1;
  const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return { line: Number(lineEl.getAttribute('data-line')), column: column + offset };
    column += t.textContent?.length ?? 0;
  }
  return { line: Number(lineEl.getAttribute('data-line')), column };
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(x: number, y: number) {
  const doc = document as CaretDocument;
  const p = doc.caretPositionFromPoint?.(x, y);
  if (p) return positionOf(p.offsetNode, p.offset);
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? positionOf(r.startContainer, r.startOffset) : null;
}

export function StaticCode({ code, language, theme, label, onWake, handoffRef }: Props) {
  // Neighbouring tokens of one colour become one span: the same text and colours with fewer
  // elements (about 40% fewer), so the page's first commit and layout cost less.
  const lines = useMemo(
    () =>
      tokenizeLines(code, language).map((tokens) => {
        const runs: { text: string; color: string; italic: boolean }[] = [];
        for (const t of tokens) {
          const color = tokenColor(t.type, theme, language);
          const italic = isItalic(t.type);
          const last = runs[runs.length - 1];
          if (last && last.color === color && last.italic === italic) last.text += t.text;
          else runs.push({ text: t.text, color, italic });
        }
        return runs;
      }),
    [code, language, theme],
  );
  const colours = EDITOR_COLOURS[theme];
  const digits = Math.max(M.lineNumbersMinChars, String(lines.length).length);
  // Monaco rounds the line numbers' width to whole pixels.
  const gutter = `calc(round(${digits}ch, 1px) + ${M.decorationsWidth}px)`;

  // The same elements while the code and colours stay: the step page re-renders on every engine
  // stage and run update, and reconciling every token span each time is most of that work.
  const rendered = useMemo(
    () =>
      lines.map((tokens, i) => {
        // Wrapped lines continue at their own indentation, as Monaco's wrappingIndent "same" does.
        const indent = /^[ \t]*/.exec(tokens.map((t) => t.text).join(''))?.[0].replace(/\t/g, ' '.repeat(M.tabSize)).length ?? 0;
        return (
          <span key={i} className="flex" style={{ minHeight: M.lineHeight }}>
            <span
              aria-hidden="true"
              className="shrink-0 select-none text-right"
              style={{
                width: gutter,
                paddingRight: M.decorationsWidth,
                boxSizing: 'border-box',
                color: i === 0 ? colours.activeLineNumber : colours.lineNumber,
              }}
            >
              {i + 1}
            </span>
            <span
              data-line={i + 1}
              className="min-w-0 flex-1 whitespace-pre-wrap break-words"
              style={{ paddingLeft: `${indent}ch`, textIndent: `-${indent}ch` }}
            >
              {tokens.map((t, j) => (
                <span key={j} style={{ color: t.color, fontStyle: t.italic ? 'italic' : undefined }}>
                  {t.text}
                </span>
              ))}
              {'\n'}
            </span>
          </span>
        );
      }),
    [lines, colours, gutter],
  );

  const want = (position?: { line: number; column: number } | null) => {
    const current = handoffRef.current ?? { line: 1, column: 1, keys: [] };
    handoffRef.current = position ? { ...current, ...position } : current;
    onWake();
  };

  const onClick = (e: MouseEvent) => {
    // A selection made with the mouse is the learner reading: leave it be.
    if (!window.getSelection()?.isCollapsed) return;
    want(caretAt(e.clientX, e.clientY));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return; // copy, select all, shortcuts: the browser's
    if (e.key.length !== 1 && !EDIT_KEYS.has(e.key)) return;
    e.preventDefault();
    want();
    handoffRef.current?.keys.push(e.key);
  };

  return (
    <div
      role="textbox"
      aria-multiline="true"
      aria-readonly="true"
      aria-label={label}
      tabIndex={0}
      data-static-code=""
      // A pointer over the code is a learner about to click it: start loading, so the editor is sooner there.
      // (pointerover, not pointerenter: React derives enter from over/out pairs, and misses it when the
      // element the pointer came from has just been removed, as after a notice above closes.)
      onPointerOver={onWake}
      onFocus={() => want()}
      onClick={onClick}
      onKeyDown={onKeyDown}
      className="absolute inset-0 overflow-auto outline-none"
      style={{ background: colours.background }}
    >
      <pre
        className="m-0"
        style={{
          fontFamily: M.fontFamily,
          fontSize: M.fontSize,
          lineHeight: `${M.lineHeight}px`,
          paddingTop: M.paddingTop,
          paddingRight: M.scrollbarWidth,
          tabSize: M.tabSize,
          fontFeatureSettings: '"liga" 0, "calt" 0',
        }}
      >
        <code className="block">{rendered}</code>
      </pre>
    </div>
  );
}
