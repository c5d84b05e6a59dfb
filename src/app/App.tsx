import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ErrorBoundary } from '../lib/react';
import { Layout } from './Layout';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Suspense, useEffect } from 'react';
import { watchChunkErrors } from '../lib';
import { AuthorRoute, LessonRoute, StepRoute } from './routes';
import { useUnloadGuard } from './unloadGuard';

export function AppRoutes() {
  return (
    <Routes>
      {AuthorRoute && <Route path="author/*" element={<Suspense fallback={<p>Opening the author view…</p>}><AuthorRoute /></Suspense>} />}
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="lessons/:lessonId" element={<LessonRoute />} />
        <Route path="lessons/:lessonId/steps/:slug" element={<StepRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  useUnloadGuard();
  useEffect(() => watchChunkErrors(), []);
  return (
    <ErrorBoundary where="the app">
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ErrorBoundary>
  );
}
