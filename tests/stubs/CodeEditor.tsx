// Monaco does not run in jsdom (docs/tool-facts.md): component tests get this textarea,
// which honours the same props. The real editor is covered by browser tests.
import { useEffect, useRef } from 'react';
import type { CodeEditorProps } from '../../src/lesson/codeEditorProps';

export default function CodeEditor({ value, onChange, readOnly, label, onReady, screenReader = false }: CodeEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const ready = useRef(onReady);
  useEffect(() => {
    // As the real editor does on mount: take the cursor and the keys typed while it loaded.
    const handoff = ready.current?.();
    const box = ref.current;
    if (!handoff || !box) return;
    const lines = box.value.split('\n');
    const at = lines.slice(0, handoff.line - 1).reduce((n, l) => n + l.length + 1, 0) + handoff.column - 1;
    const typed = handoff.keys.map((k) => (k === 'Enter' ? '\n' : k === 'Tab' ? '    ' : k.length === 1 ? k : '')).join('');
    box.focus();
    if (typed) onChange(box.value.slice(0, at) + typed + box.value.slice(at));
    box.setSelectionRange(at + typed.length, at + typed.length);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on mount, like Monaco's onMount
  // What the real editor gets as Monaco's `accessibilitySupport`.
  return <textarea ref={ref} aria-label={label} value={value} readOnly={readOnly} data-accessibility-support={screenReader ? 'on' : 'auto'} onChange={(e) => onChange(e.target.value)} />;
}
