// The author view (`npm run dev` only, /author): a lesson file in Monaco beside
// the lesson or step page it makes, re-parsed as the instructor types with the
// build's own parser (src/content/parse.ts). Problems show as markers and in a
// list; the preview keeps the last render that parsed. Save writes through the
// dev server (scripts/vite-plugin-author.ts), which refuses to overwrite a file
// changed on disk since; Prove runs the step's attempts in a scratch lab.
import './zodWithoutEval';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Course, Lesson, Step } from '../content';
import { parseCourse, type ContentFile, type ContentIssue } from '../content/parse';
import { ErrorBoundary, useTheme } from '../lib/react';
import { LessonPage } from '../lesson/LessonPage';
import { StepPage } from '../lesson/StepPage';
import { listFiles, readFile, saveFile, type ContentFolder } from './api';
import { ProvePanel } from './ProvePanel';

const AuthorEditor = lazy(() => import('./AuthorEditor'));

/** How long typing must pause before the lesson is parsed again. */
const PARSE_DELAY_MS = 300;

export function AuthorPage() {
  const path = useParams()['*'] ?? '';
  const [folder, setFolder] = useState<ContentFolder | null>(null);
  const files = folder?.files ?? null;
  const [error, setError] = useState<string | null>(null);
  const [theme, toggleTheme] = useTheme();

  useEffect(() => {
    listFiles().then(setFolder, (e: unknown) => setError(`The file list could not be read: ${String(e)}`));
  }, []);

  // Vite's error overlay would cover this view while a lesson does not parse; here the problems
  // are listed under the editor, so the overlay is taken away whenever it appears.
  useEffect(() => {
    const remove = () => document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.remove());
    remove();
    const watch = new MutationObserver(remove);
    watch.observe(document.body, { childList: true });
    return () => watch.disconnect();
  }, []);

  return (
    <div className="min-h-screen bg-bg text-ink">
      <header className="flex items-center gap-4 border-b border-line bg-surface px-4 py-2.5">
        <Link to="/author" className="font-semibold">
          Lifecycle Lab · Author view
        </Link>
        <span className="text-sm text-muted">dev server only</span>
        <button type="button" onClick={toggleTheme} className="ml-auto rounded-md border border-line px-2.5 py-1.5 text-sm hover:bg-surface-2">
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
      </header>
      <div className="grid gap-4 p-4 lg:grid-cols-[13rem_minmax(0,1fr)_minmax(0,1fr)]">
        <nav aria-label="Lesson files" className="text-sm">
          {error && <p role="alert">{error}</p>}
          {!files && !error && <p className="text-muted">Reading the content folder…</p>}
          <ul className="space-y-0.5">
            {files?.map((f) => (
              <li key={f}>
                <Link
                  to={`/author/${f}`}
                  aria-current={f === path ? 'page' : undefined}
                  className={`block truncate rounded px-2 py-1 font-mono text-xs hover:bg-surface-2 ${f === path ? 'bg-surface-2 font-semibold' : ''}`}
                  title={f}
                >
                  {f}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {path && files ? (
          <FileView key={path} path={path} files={files} start={folder?.start ?? []} theme={theme} />
        ) : (
          <p className="text-muted lg:col-span-2">Pick a lesson file on the left to edit it beside its page.</p>
        )}
      </div>
    </div>
  );
}

interface Parsed {
  course: Course;
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

/** The lesson folder of a content path, and the step slug if it is a step file. */
function whereIn(path: string): { folder: string; slug: string | undefined } {
  const [folder = '', ...rest] = path.split('/');
  const step = /^steps\/\d{2}-([a-z0-9-]+)\.md$/.exec(rest.join('/'));
  return { folder, slug: step?.[1] };
}

function FileView({ path, files, start, theme }: { path: string; files: string[]; start: ContentFile[]; theme: 'dark' | 'light' }) {
  const { folder, slug } = whereIn(path);
  const [disk, setDisk] = useState<Record<string, string> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [text, setText] = useState('');
  /** Bumped when the text comes from elsewhere than the editor (AuthorEditor's `revision`). */
  const [revision, setRevision] = useState(0);
  const [savedText, setSavedText] = useState('');
  const [version, setVersion] = useState('');
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [good, setGood] = useState<Course | null>(null);
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState<{ diskText: string; diskVersion: string } | null>(null);
  /** How many problems the text had when Save was asked for, while the instructor decides. */
  const [unparsed, setUnparsed] = useState(0);

  useEffect(() => {
    let live = true;
    // Every lesson file is parsed with the edited one, as the build does: references between files are checked too.
    Promise.all(files.map((f) => readFile(f))).then(
      (read) => {
        if (!live) return;
        const mine = read.find((f) => f.path === path);
        if (!mine) {
          setLoadError(`There is no file ${path} in the content folder.`);
          return;
        }
        setDisk(Object.fromEntries(read.map((f) => [f.path, f.text])));
        setText(mine.text);
        setSavedText(mine.text);
        setVersion(mine.version);
      },
      (e: unknown) => live && setLoadError(`The lesson files could not be read: ${String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [files, path]);

  /** The course as the build would parse it with `edited` in place of this file. */
  const parseWith = useCallback(
    (edited: string, files: Record<string, string>) => parseCourse([...Object.entries(files).map(([p, t]) => ({ path: p, text: p === path ? edited : t })), ...start]),
    [path, start],
  );

  useEffect(() => {
    if (!disk) return undefined;
    const timer = setTimeout(() => {
      const result = parseWith(text, disk);
      setParsed(result);
      // The preview moves on only when this lesson parses cleanly; otherwise it keeps the last good page.
      if (!result.errors.some((e) => e.file === folder || e.file.startsWith(`${folder}/`))) setGood(result.course);
    }, PARSE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [disk, folder, text, parseWith]);

  const save = useCallback(
    async (base = version, anyway = false) => {
      // A file that does not parse breaks the build and every other page of the dev app: ask first.
      const problems = disk ? parseWith(text, disk).errors.filter((e) => e.file === path).length : 0;
      if (problems > 0 && !anyway) {
        setUnparsed(problems);
        return;
      }
      setUnparsed(0);
      setStatus('Saving…');
      try {
        const answer = await saveFile(path, text, base);
        if (answer.kind === 'conflict') {
          setConflict(answer);
          setStatus('');
          return;
        }
        setConflict(null);
        setVersion(answer.version);
        setSavedText(text);
        setStatus('Saved');
      } catch (e) {
        setStatus(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [path, text, version, disk, parseWith],
  );

  // Ctrl/⌘+S anywhere on the page saves, in the editor too (and not the browser's "Save page").
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const takeDisk = () => {
    if (!conflict) return;
    setText(conflict.diskText);
    setRevision((r) => r + 1);
    setSavedText(conflict.diskText);
    setVersion(conflict.diskVersion);
    setConflict(null);
    setStatus('Took the disk copy');
  };

  const mine = useMemo(() => parsed?.errors.filter((e) => e.file === path) ?? [], [parsed, path]);
  const mineWarnings = useMemo(() => parsed?.warnings.filter((w) => w.file === path) ?? [], [parsed, path]);
  const others = parsed?.errors.filter((e) => e.file !== path) ?? [];
  const lesson = good?.lessons.find((l) => l.id === folder);
  const step = slug ? lesson?.steps.find((s) => s.slug === slug) : undefined;
  const dirty = text !== savedText;

  if (loadError) return <p role="alert" className="lg:col-span-2">{loadError}</p>;
  if (!disk) return <p className="text-muted lg:col-span-2">Reading {path}…</p>;

  return (
    <>
      <section aria-label="Lesson file editor" className="min-w-0">
        <div className="mb-2 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-sm font-semibold">{path}</h1>
          <span className="text-xs text-muted" aria-live="polite">
            {dirty ? 'Unsaved changes' : status}
          </span>
          <button type="button" onClick={() => void save()} className="ml-auto rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink" title="Ctrl/⌘+S">
            Save
          </button>
        </div>
        {unparsed > 0 && (
          <div role="alert" className="mb-2 rounded-md border border-warn bg-surface-2 p-3 text-sm">
            <p>
              {path} has {unparsed} problem{unparsed === 1 ? '' : 's'} (listed under the editor). Saved as it is, the lesson stops building: `npm run build` fails and the
              app’s other pages show the problems in Vite’s overlay until they are fixed. This view stays usable.
            </p>
            <div className="mt-2 flex gap-2">
              <button type="button" onClick={() => void save(version, true)} className="rounded border border-line px-2 py-1 hover:bg-surface">
                Save anyway
              </button>
              <button type="button" onClick={() => setUnparsed(0)} className="rounded border border-line px-2 py-1 hover:bg-surface">
                Keep editing
              </button>
            </div>
          </div>
        )}
        {conflict && (
          <div role="alert" className="mb-2 rounded-md border border-warn bg-surface-2 p-3 text-sm">
            <p>{path} changed on disk since you opened it. Keep your text (overwrite the disk copy), or take the disk copy (lose your edits)?</p>
            <div className="mt-2 flex gap-2">
              <button type="button" onClick={() => void save(conflict.diskVersion)} className="rounded border border-line px-2 py-1 hover:bg-surface">
                Keep mine
              </button>
              <button type="button" onClick={takeDisk} className="rounded border border-line px-2 py-1 hover:bg-surface">
                Take disk
              </button>
            </div>
          </div>
        )}
        <div className="h-[60vh] overflow-hidden rounded-lg border border-line">
          <Suspense fallback={<p className="p-4 font-mono text-sm text-muted">Loading editor…</p>}>
            <AuthorEditor path={path} value={text} revision={revision} onChange={setText} errors={mine} warnings={mineWarnings} theme={theme} />
          </Suspense>
        </div>
        <Problems mine={mine} warnings={mineWarnings} others={others} parsed={parsed !== null} />
        {step && lesson && <ProvePanel key={`${lesson.id}/${step.slug}`} lesson={lesson} step={step} />}
      </section>
      <section aria-label="Lesson preview" className="min-w-0 rounded-lg border border-line p-3">
        <Preview lesson={lesson} step={step} course={good} slug={slug} stale={mine.length > 0} />
      </section>
    </>
  );
}

function Problems({ mine, warnings, others, parsed }: { mine: ContentIssue[]; warnings: ContentIssue[]; others: ContentIssue[]; parsed: boolean }) {
  if (!parsed) return null;
  if (mine.length + warnings.length + others.length === 0) return <p className="mt-2 text-sm text-muted">No problems: the lesson parses.</p>;
  return (
    <div className="mt-2 text-sm">
      <h2 className="font-semibold">Problems</h2>
      <ul aria-label="Problems" className="mt-1 space-y-1 font-mono text-xs">
        {mine.map((e, i) => (
          <li key={`e${i}`} className="text-bad">
            Line {e.line}, column {e.column} — {e.field ? `${e.field}: ` : ''}
            {e.message}
          </li>
        ))}
        {warnings.map((w, i) => (
          <li key={`w${i}`}>
            Warning, line {w.line} — {w.message}
          </li>
        ))}
        {others.map((e, i) => (
          <li key={`o${i}`}>
            {e.file}:{e.line}:{e.column} — {e.field ? `${e.field}: ` : ''}
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Preview({ lesson, step, course, slug, stale }: { lesson: Lesson | undefined; step: Step | undefined; course: Course | null; slug: string | undefined; stale: boolean }) {
  if (!course) return <p className="text-muted">The preview appears once the lesson parses without errors.</p>;
  if (!lesson) return <p className="text-muted">This file belongs to no lesson that parses.</p>;
  if (slug && !step) return <p className="text-muted">The step “{slug}” has not parsed yet.</p>;
  return (
    <>
      {stale && <p className="mb-2 text-sm text-muted">Showing the last version that parsed: fix the problems to update it.</p>}
      <ErrorBoundary where="the preview">
        {step ? <StepPage key={step.slug} lesson={lesson} step={step} /> : <LessonPage lesson={lesson} course={course} />}
      </ErrorBoundary>
    </>
  );
}
