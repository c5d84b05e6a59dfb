import { Link, Outlet, useMatch } from 'react-router-dom';
import { findLesson } from '../content';
import { useCourse } from './courseHooks';
import { useProgress } from '../lesson/useProgress';
import { useTheme, ErrorBoundary } from '../lib/react';
import { XpHeader } from './XpHeader';
import { ProgressMenu } from './ProgressMenu';
import { Toasts } from './Toasts';
import { lazy, Suspense } from 'react';

// Its own chunk: only a browser holding a newer version's progress ever shows it.
const NewerSaveBanner = lazy(() => import('./NewerSaveBanner').then((m) => ({ default: m.NewerSaveBanner })));

export function Layout() {
  const course = useCourse();
  const match = useMatch('/lessons/:lessonId/*');
  // A step is a full-height workspace on wide screens (issue 9): the page stops at the window's foot and its panes scroll instead.
  const step = useMatch('/lessons/:lessonId/steps/:slug') !== null;
  const lesson = findLesson(course, match?.params.lessonId);
  const [theme, toggleTheme] = useTheme();
  const notice = useProgress((s) => s.notice);
  const dismissNotice = useProgress((s) => s.dismissNotice);
  const saveError = useProgress((s) => s.saveError);
  const newerSave = useProgress((s) => s.newerSave !== null);

  return (
    <div className={`min-h-screen bg-bg text-ink ${step ? 'lg:flex lg:h-dvh lg:flex-col' : ''}`}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-ink"
      >
        Skip to content
      </a>
      {/* Opaque (issue 9): a translucent header let the page's text show through it. */}
      {/* One row at every width (issue 23: on a phone it took 143 px): below `sm` the name, the per-skill XP and
          the theme's word give way to the logo, the total and an icon. */}
      <header className="z-30 border-b border-line bg-surface sm:sticky sm:top-0">
        <div className="mx-auto flex max-w-7xl items-center gap-x-3 px-3 py-2 sm:gap-x-4 sm:px-4 sm:py-2.5">
          <Link to="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
            <img src="/favicon.svg" alt="" width={22} height={22} />
            <span className="max-sm:sr-only">Lifecycle Lab</span>
          </Link>
          <XpHeader lesson={lesson} course={course} />
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <ProgressMenu />
            <button
              type="button"
              onClick={toggleTheme}
              className="rounded-md border border-line px-2.5 py-1.5 text-sm hover:bg-surface-2"
              aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            >
              <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
              <span className="max-sm:hidden"> {theme === 'dark' ? 'Light' : 'Dark'}</span>
            </button>
          </div>
        </div>
      </header>
      {/* Outside the header: a toast floats, so the header's row never changes with it. */}
      <Toasts />
      {notice && (
        <div role="alert" className="border-b border-warn bg-surface-2">
          <div className="mx-auto flex max-w-7xl items-start gap-3 px-4 py-3 text-sm">
            <p className="flex-1">{notice}</p>
            <button type="button" onClick={dismissNotice} className="rounded border border-line px-2 py-1 hover:bg-surface">
              Dismiss
            </button>
          </div>
        </div>
      )}
      {newerSave && (
        <Suspense fallback={null}>
          <NewerSaveBanner />
        </Suspense>
      )}
      {saveError && (
        <div role="alert" className="border-b border-bad bg-surface-2">
          <p className="mx-auto max-w-7xl px-4 py-3 text-sm">{saveError}</p>
        </div>
      )}
      <main
        id="main"
        tabIndex={-1}
        className={`outline-none ${step ? 'px-4 pb-16 pt-6 lg:min-h-0 lg:flex-1 lg:p-0' : 'mx-auto max-w-7xl px-4 pb-16 pt-6'}`}
      >
        <ErrorBoundary where="this page">
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
