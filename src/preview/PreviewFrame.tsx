import type { ReactNode } from 'react';

interface Props {
  /** The simulated address, e.g. "localhost:5000". */
  address: string;
  /** One line on what the preview shows now. */
  status: string;
  children: ReactNode;
}

/** A small browser window around a simulated service. */
export function PreviewFrame({ address, status, children }: Props) {
  return (
    <section aria-label="Preview" className="flex min-h-64 flex-col overflow-hidden rounded-xl border border-line bg-surface">
      <div className="flex items-center gap-3 border-b border-line bg-surface-2 px-3 py-2">
        <span aria-hidden="true" className="flex gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full bg-bad" />
          <span className="h-2.5 w-2.5 rounded-full bg-warn" />
          <span className="h-2.5 w-2.5 rounded-full bg-ok" />
        </span>
        <label className="flex min-w-0 flex-1 items-center gap-2 rounded-md border border-line bg-bg px-2 py-1 font-mono text-xs">
          <span className="sr-only">Address</span>
          <span aria-hidden="true" className="text-muted">
            http://
          </span>
          <input readOnly value={address} className="min-w-0 flex-1 bg-transparent text-ink outline-none" />
        </label>
      </div>
      <p role="status" className="border-b border-line px-3 py-1.5 font-mono text-xs text-muted">
        {status}
      </p>
      <div className="flex-1 overflow-auto p-3 font-mono text-sm">{children}</div>
    </section>
  );
}
