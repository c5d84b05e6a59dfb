// The hub and the header say what the lesson's content says: its hub title and
// caption, its phases as a loop, its skill's name (saved XP stays keyed by the id).
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { parseCourse } from '../../src/content/parse';
import { readContentFiles } from '../../scripts/content-files';
import { LifecycleHub } from '../../src/lesson/LifecycleHub';
import { XpHeader } from '../../src/app/XpHeader';
import { useProgress } from '../../src/lesson/useProgress';

const files = readContentFiles('tests/fixtures/content').map((f) =>
  f.path === 'hello-lab/lesson.md' ? { ...f, text: f.text.replace('skill: testing', 'skill: { id: testing, name: Fixture testing }') } : f,
);
const course = parseCourse(files).course;
const lesson = course.lessons[0]!;

describe('the lifecycle hub', () => {
  it('draws the lesson’s phases with its labels, linking each to its step, with the lesson’s title and caption', () => {
    render(
      <MemoryRouter>
        <LifecycleHub lesson={lesson} statuses={{ 'first-step': 'done', 'second-step': 'current' }} />
      </MemoryRouter>,
    );
    const hub = within(screen.getByRole('list', { name: 'Lifecycle phases, in order; after Practice the loop returns to Reading' }));
    const links = hub.getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([expect.stringMatching(/^✓ Reading.*Done$/), expect.stringMatching(/^● Practice.*Current$/)]);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/lessons/hello-lab/steps/first-step', '/lessons/hello-lab/steps/second-step']);
    expect(screen.getAllByText('Hello loop').length).toBeGreaterThan(0);
    expect(screen.getByText('practice feeds back into reading')).toBeInTheDocument();
    expect(screen.queryByText('ML lifecycle')).toBeNull();
    expect(screen.getByText('↺ After Practice, the loop returns to Reading.')).toBeInTheDocument();
  });

  it('a phase with no step is drawn but links nowhere; a phase is done only when all its steps are', () => {
    const three = { ...lesson, phases: [...lesson.phases, { id: 'serving', label: 'Serving' }] };
    render(
      <MemoryRouter>
        <LifecycleHub lesson={three} statuses={{ 'first-step': 'done', 'second-step': 'not-started' }} />
      </MemoryRouter>,
    );
    const hub = within(screen.getByRole('list', { name: /after Serving the loop returns to Reading/ }));
    expect(hub.getAllByRole('link')).toHaveLength(2);
    expect(hub.getAllByRole('listitem')[2]).toHaveTextContent(/Serving.*No step yet.*Not started/);
  });
});

describe('the header', () => {
  it('shows XP under the skill’s name, counted from awards saved under its id', () => {
    useProgress.setState({ awards: { 'term:hello-lab/fixture': { xp: 5, skill: 'testing', at: 1 } } });
    render(<XpHeader lesson={lesson} course={course} />);
    const header = within(screen.getByRole('group', { name: 'Your progress' }));
    expect(header.getByText('Fixture testing XP: 5')).toBeInTheDocument();
    expect(header.queryByText(/^testing XP/)).toBeNull();
  });
});
