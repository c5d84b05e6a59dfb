import { useMemo } from 'react';
import type { CourseIndex, Lesson } from '../content';
import { skillNodeStatuses, stepStatuses } from '../progress';
import { useProgress } from './useProgress';
import { ContinueLearning } from './ContinueLearning';
import { Faq } from './Faq';
import { Glossary } from './Glossary';
import { InstructorCard } from './InstructorCard';
import { LessonHero } from './LessonHero';
import { LifecycleHub } from './LifecycleHub';
import { Quiz } from './Quiz';
import { ReviewQueue } from './ReviewQueue';
import { Section } from './Section';
import { SkillMatrix } from './SkillMatrix';
import { StepList } from './StepList';
import { useScrollOnArrival } from './useScrollOnArrival';

export function LessonPage({ lesson, course }: { lesson: Lesson; course: CourseIndex }) {
  useScrollOnArrival();
  const learned = useProgress((s) => s.learned);
  const completedSteps = useProgress((s) => s.completedSteps);
  const quiz = useProgress((s) => s.quiz);
  const phases = useMemo(() => stepStatuses(lesson, { completedSteps }), [lesson, completedSteps]);
  const nodes = useMemo(() => skillNodeStatuses(lesson, { learned, completedSteps, quiz }), [lesson, learned, completedSteps, quiz]);

  return (
    <article className="mx-auto max-w-5xl">
      <LessonHero lesson={lesson} />
      <div className="mt-12 grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Section id="lifecycle-hub" title="Lifecycle Hub" intro={lesson.hub.intro}>
          <LifecycleHub lesson={lesson} statuses={phases} />
        </Section>
        <div className="lg:mt-12">
          <InstructorCard instructor={lesson.instructor} />
        </div>
      </div>
      <Section id="steps" title="Steps" intro="Each step pairs a short read with code you edit and a simulated localhost preview.">
        <StepList lesson={lesson} statuses={phases} />
      </Section>
      <Section
        id="skill-matrix"
        title="Skill Matrix"
        intro="Learn a node's glossary terms to unlock it; complete its step to master it."
      >
        <SkillMatrix lesson={lesson} statuses={nodes} stepsDone={new Set(Object.entries(phases).filter(([, p]) => p === 'done').map(([slug]) => slug))} />
      </Section>
      <Section id="quick-quiz" title="Quick Quiz" intro="Full XP for a right first answer, less after each wrong try.">
        <Quiz lesson={lesson} />
      </Section>
      <Section id="review" title="Review" intro="What you missed comes back here, spaced out: answer it again for part of the XP it lost.">
        <ReviewQueue lesson={lesson} />
      </Section>
      <Section id="faq" title="Frequently Asked Questions">
        <Faq lesson={lesson} />
      </Section>
      <Section id="glossary" title="Lesson Glossary" intro="Mark a term as learned to earn XP and unlock skill nodes.">
        <Glossary lesson={lesson} />
      </Section>
      <Section id="continue" title="Continue Learning">
        <ContinueLearning lesson={lesson} course={course} />
      </Section>
    </article>
  );
}
