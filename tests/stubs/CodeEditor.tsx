// Monaco does not run in jsdom (docs/tool-facts.md): component tests get this textarea,
// which honours the same props. The real editor is covered by browser tests.
import type { CodeEditorProps } from '../../src/lesson/codeEditorProps';

export default function CodeEditor({ value, onChange, readOnly, label }: CodeEditorProps) {
  return <textarea aria-label={label} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />;
}
