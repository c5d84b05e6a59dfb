// The Monaco editor, self-hosted. This module is loaded lazily (React.lazy) so
// the lesson text paints before any editor code arrives. @monaco-editor/react
// would fetch Monaco from a CDN by default; its loader is pointed at the
// locally bundled instance instead (docs/tool-facts.md).
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { EDITOR_COLOURS, EDITOR_METRICS as M, type CodeEditorProps } from './codeEditorProps';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

// Monaco's stock themes dim line numbers and comments below WCAG AA contrast;
// these keep its token colours but lift those, on the app's own surfaces.
monaco.editor.defineTheme('lab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '9cc48f', fontStyle: 'italic' }],
  colors: {
    'editor.background': EDITOR_COLOURS.dark.background,
    'editorLineNumber.foreground': EDITOR_COLOURS.dark.lineNumber,
    'editorLineNumber.dimmedForeground': EDITOR_COLOURS.dark.lineNumber,
    'editorLineNumber.activeForeground': EDITOR_COLOURS.dark.activeLineNumber,
  },
});
monaco.editor.defineTheme('lab-light', {
  base: 'vs',
  inherit: true,
  // vs paints shell options (attribute.name) #FF0000: 4:1 on white, below AA.
  rules: [
    { token: 'comment', foreground: '3f6f35', fontStyle: 'italic' },
    { token: 'attribute.name', foreground: 'b30000' },
  ],
  colors: {
    'editor.background': EDITOR_COLOURS.light.background,
    'editorLineNumber.foreground': EDITOR_COLOURS.light.lineNumber,
    'editorLineNumber.dimmedForeground': EDITOR_COLOURS.light.lineNumber,
    'editorLineNumber.activeForeground': EDITOR_COLOURS.light.activeLineNumber,
  },
});

type StandaloneEditor = Parameters<OnMount>[0];

/** Monaco's tab-focus mode is one for all editors on the page, as is this mirror of it. */
let tabMovesFocus = false;

function markError(editor: StandaloneEditor | null, marker: CodeEditorProps['errorMarker']) {
  const model = editor?.getModel();
  if (!editor || !model) return;
  const line = marker ? Math.min(marker.line, model.getLineCount()) : 0;
  monaco.editor.setModelMarkers(
    model,
    'lab',
    marker
      ? [{ severity: monaco.MarkerSeverity.Error, message: marker.message, startLineNumber: line, endLineNumber: line, startColumn: 1, endColumn: model.getLineMaxColumn(line) }]
      : [],
  );
  // Take the learner to it (issue 23): an error on line 80 of a long file was out of sight.
  if (marker) editor.revealLineInCenterIfOutsideViewport(line);
}

/** Replays the keys typed in the static view while the editor loaded, as if typed here. */
function replay(editor: StandaloneEditor, keys: string[]) {
  for (const key of keys) {
    if (key === 'Enter') editor.trigger('keyboard', 'type', { text: '\n' });
    else if (key === 'Backspace') editor.trigger('keyboard', 'deleteLeft', null);
    else if (key === 'Delete') editor.trigger('keyboard', 'deleteRight', null);
    else if (key === 'Tab') editor.trigger('keyboard', 'tab', null);
    else editor.trigger('keyboard', 'type', { text: key });
  }
}

export default function CodeEditor({ value, language, onChange, readOnly, label, theme, path, onRun, errorMarker, onReady, onTabFocusModeChange, screenReader = false }: CodeEditorProps) {
  const editorRef = useRef<StandaloneEditor | null>(null);
  const onRunRef = useRef(onRun);
  const onTabFocusModeRef = useRef(onTabFocusModeChange);
  useEffect(() => {
    onRunRef.current = onRun;
    onTabFocusModeRef.current = onTabFocusModeChange;
  }, [onRun, onTabFocusModeChange]);

  // Mark the line the last run's error points at, as Python's traceback does.
  useEffect(() => markError(editorRef.current, errorMarker), [errorMarker]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current?.());
    markError(editor, errorMarker);
    // Ctrl+M (⌃⇧M on a Mac) runs Monaco's own "Tab moves focus" toggle; Monaco does not publish
    // that mode's state, so the keys are taken here to run it and tell the page (which shows it).
    onTabFocusModeRef.current?.(tabMovesFocus);
    const toggle = () => {
      editor.trigger('keyboard', 'editor.action.toggleTabFocusMode', null);
      tabMovesFocus = !tabMovesFocus;
      onTabFocusModeRef.current?.(tabMovesFocus);
    };
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, toggle);
    editor.addCommand(monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM, toggle);
    const handoff = onReady?.();
    if (handoff) {
      editor.setPosition({ lineNumber: handoff.line, column: handoff.column });
      editor.focus();
      if (!readOnly) replay(editor, handoff.keys);
    }
  };

  // One object while readOnly and label stay: a new one each render makes the editor update its options on every run.
  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      readOnly,
      ariaLabel: label,
      minimap: { enabled: false },
      // The static code view paints with the same metrics (codeEditorProps.ts).
      fontFamily: M.fontFamily,
      fontSize: M.fontSize,
      lineHeight: M.lineHeight,
      lineNumbersMinChars: M.lineNumbersMinChars,
      glyphMargin: false,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      tabSize: M.tabSize,
      wordWrap: 'on',
      padding: { top: M.paddingTop },
      renderLineHighlightOnlyWhenFocus: true,
      // Monaco's detection misses some screen readers: the learner can turn its mode on (EditorPanel).
      accessibilitySupport: screenReader ? 'on' : 'auto',
    }),
    [readOnly, label, screenReader],
  );

  return (
    <Editor
      onMount={onMount}
      value={value}
      language={language === 'text' ? 'plaintext' : language}
      path={path}
      theme={theme === 'dark' ? 'lab-dark' : 'lab-light'}
      onChange={(v) => onChange(v ?? '')}
      // The static code view (StaticCode.tsx) covers the editor until it is ready.
      loading={null}
      options={options}
    />
  );
}
