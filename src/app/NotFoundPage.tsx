import { Link, useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../lib/react';

export function NotFoundPage({ what }: { what?: string }) {
  useDocumentTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="font-mono text-sm text-muted">404 · {pathname}</p>
      <h1 className="mt-2 text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-muted">{what ?? 'There is no page at this address.'}</p>
      <Link to="/" className="mt-6 inline-block rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
        Back to the course
      </Link>
    </div>
  );
}
