// The Monaco editor, self-hosted. This module is loaded lazily (React.lazy) so
// the lesson text paints before any editor code arrives. @monaco-editor/react
// would fetch Monaco from a CDN by default; its loader is pointed at the
// locally bundled instance instead (FACTS.md).
import Editor, { loader } from '@monaco-editor/react';
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

export default function CodeEditor({ value, language, onChange, readOnly, label, theme, path }: CodeEditorProps) {
  return (
    <Editor
      value={value}
      language={language === 'text' ? 'plaintext' : language}
      path={path}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
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
