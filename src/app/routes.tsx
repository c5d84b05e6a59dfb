// Route elements that look up the lesson and step named in the URL, so the
// lesson pages receive real objects and unknown addresses get the 404 page.
import { useParams } from 'react-router-dom';
import { findLesson, findStep, useCourse } from '../content/course';
import { LessonPage } from '../lesson/LessonPage';
import { StepPage } from '../lesson/StepPage';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotFoundPage } from './NotFoundPage';

export function LessonRoute() {
  const course = useCourse();
  const { lessonId } = useParams();
  const lesson = findLesson(course, lessonId);
  useDocumentTitle(lesson?.title ?? '');
  if (!lesson) return <NotFoundPage what={`There is no lesson called “${lessonId ?? ''}”.`} />;
  return <LessonPage lesson={lesson} course={course} />;
}

export function StepRoute() {
  const course = useCourse();
  const { lessonId, slug } = useParams();
  const lesson = findLesson(course, lessonId);
  const step = lesson && findStep(lesson, slug);
  if (!lesson || !step) {
    return (
      <NotFoundPage
        what={lesson ? `The lesson “${lesson.title}” has no step called “${slug ?? ''}”.` : `There is no lesson called “${lessonId ?? ''}”.`}
      />
    );
  }
  return <StepPage key={step.slug} lesson={lesson} step={step} />;
}
