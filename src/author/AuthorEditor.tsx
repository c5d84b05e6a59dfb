// Monaco for lesson markdown. It reuses the lesson editor's self-hosted setup
// (local Monaco, its workers and the lab themes, src/lesson/CodeEditor.tsx) and
// marks the parser's problems at their line and column.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/markdown/register';
import '../lesson/CodeEditor';
import type { ContentIssue } from '../content/parse';

type StandaloneEditor = Parameters<OnMount>[0];

export interface AuthorEditorProps {
  path: string;
  value: string;
  /** Bumped when `value` comes from elsewhere and must replace the editor's text. */
  revision: number;
  onChange: (value: string) => void;
  errors: ContentIssue[];
  warnings: ContentIssue[];
  theme: 'dark' | 'light';
}

function setMarkers(editor: StandaloneEditor | null, errors: ContentIssue[], warnings: ContentIssue[]) {
  const model = editor?.getModel();
  if (!model) return;
  const lines = model.getLineCount();
  const marker = (issue: ContentIssue, severity: monaco.MarkerSeverity): monaco.editor.IMarkerData => {
    const line = Math.min(Math.max(issue.line, 1), lines);
    const column = Math.min(Math.max(issue.column, 1), model.getLineMaxColumn(line));
    // To the end of the line: a field's value is what is wrong, not one character.
    const end = Math.max(model.getLineMaxColumn(line), column + 1);
    return { severity, message: `${issue.field ? `${issue.field}: ` : ''}${issue.message}`, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: end };
  };
  monaco.editor.setModelMarkers(model, 'lesson-content', [
    ...errors.map((e) => marker(e, monaco.MarkerSeverity.Error)),
    ...warnings.map((w) => marker(w, monaco.MarkerSeverity.Warning)),
  ]);
}

export default function AuthorEditor({ path, value, revision, onChange, errors, warnings, theme }: AuthorEditorProps) {
  const editorRef = useRef<StandaloneEditor | null>(null);
  useEffect(() => setMarkers(editorRef.current, errors, warnings), [errors, warnings, value]);

  // The editor owns the text while the author types: `value` replaces it only when
  // `revision` changes (the text came from elsewhere: "Take disk"). Feeding every keystroke
  // back as a controlled value lets a render that lags behind the typing drop characters.
  const valueRef = useRef(value);
  useEffect(() => {
    valueRef.current = value;
  }, [value]);
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== valueRef.current) model.setValue(valueRef.current);
  }, [revision]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    // A model kept from an earlier visit to this file holds that visit's text.
    if (editor.getValue() !== valueRef.current) editor.setValue(valueRef.current);
    setMarkers(editor, errors, warnings);
  };

  return (
    <Editor
      onMount={onMount}
      defaultValue={value}
      language="markdown"
      path={`author/${path}`}
      theme={theme === 'dark' ? 'lab-dark' : 'lab-light'}
      onChange={(v) => onChange(v ?? '')}
      loading={<p className="p-4 font-mono text-sm text-muted">Loading editor…</p>}
      options={{
        ariaLabel: `Lesson file ${path}`,
        minimap: { enabled: false },
        fontSize: 14,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        wordWrap: 'on',
        padding: { top: 12 },
        // Typing markdown: no brackets or quotes added behind the author's back.
        autoClosingBrackets: 'never',
        autoClosingQuotes: 'never',
        quickSuggestions: false,
        accessibilitySupport: 'auto',
      }}
    />
  );
}
