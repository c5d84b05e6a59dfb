// The Monaco editor, self-hosted. This module is loaded lazily (React.lazy) so
// the lesson text paints before any editor code arrives. @monaco-editor/react
// would fetch Monaco from a CDN by default; its loader is pointed at the
// locally bundled instance instead (docs/tool-facts.md).
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { CodeEditorProps } from './codeEditorProps';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

// Monaco's stock themes dim line numbers and comments below WCAG AA contrast;
// these keep its token colours but lift those, on the app's own surfaces.
monaco.editor.defineTheme('lab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '9cc48f', fontStyle: 'italic' }],
  colors: {
    'editor.background': '#111a2e',
    'editorLineNumber.foreground': '#a7b1cb',
    'editorLineNumber.dimmedForeground': '#a7b1cb',
    'editorLineNumber.activeForeground': '#e6eaf5',
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
    'editorLineNumber.foreground': '#4b5563',
    'editorLineNumber.dimmedForeground': '#4b5563',
    'editorLineNumber.activeForeground': '#111827',
  },
});

type StandaloneEditor = Parameters<OnMount>[0];

/** Monaco's tab-focus mode is one for all editors on the page, as is this mirror of it. */
let tabMovesFocus = false;

function markError(editor: StandaloneEditor | null, marker: CodeEditorProps['errorMarker']) {
  const model = editor?.getModel();
  if (!model) return;
  const line = marker ? Math.min(marker.line, model.getLineCount()) : 0;
  monaco.editor.setModelMarkers(
    model,
    'lab',
    marker
      ? [{ severity: monaco.MarkerSeverity.Error, message: marker.message, startLineNumber: line, endLineNumber: line, startColumn: 1, endColumn: model.getLineMaxColumn(line) }]
      : [],
  );
}

export default function CodeEditor({ value, language, onChange, readOnly, label, theme, path, onRun, errorMarker, onTabFocusModeChange }: CodeEditorProps) {
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
  };

  return (
    <Editor
      onMount={onMount}
      value={value}
      language={language === 'text' ? 'plaintext' : language}
      path={path}
      theme={theme === 'dark' ? 'lab-dark' : 'lab-light'}
      onChange={(v) => onChange(v ?? '')}
      loading={<p className="p-4 font-mono text-sm text-muted">Loading editor…</p>}
      options={{
        readOnly,
        ariaLabel: label,
        minimap: { enabled: false },
        fontSize: 14,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 4,
        wordWrap: 'on',
        padding: { top: 12 },
        accessibilitySupport: 'auto',
      }}
    />
  );
}
