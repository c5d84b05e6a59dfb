import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useScrollOnArrival } from '../../src/lesson/useScrollOnArrival';

function Page({ name }: { name: string }) {
  useScrollOnArrival();
  return (
    <main>
      <h1>{name}</h1>
      <Link to="/next">Next page</Link>
      <Link to="/next#continue">Continue learning</Link>
      <section id="continue">Continue</section>
    </main>
  );
}

function App({ start }: { start: string }) {
  return (
    <MemoryRouter initialEntries={[start]}>
      <Routes>
        <Route path="/first" element={<Page key="first" name="First" />} />
        <Route path="/next" element={<Page key="next" name="Next" />} />
      </Routes>
    </MemoryRouter>
  );
}

afterEach(() => vi.restoreAllMocks());

describe('useScrollOnArrival', () => {
  it('a page opened by a link starts at its top', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo');
    render(<App start="/first" />);
    expect(scrollTo).not.toHaveBeenCalled(); // the first load is the browser's to place
    await userEvent.click(screen.getByRole('link', { name: 'Next page' }));
    await screen.findByRole('heading', { name: 'Next' });
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });

  it('an address naming a section scrolls that section into view, on arrival and on a link to it', async () => {
    const scrolled: string[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(`${this.closest('main')?.querySelector('h1')?.textContent}#${this.id}`);
    });
    render(<App start="/first#continue" />);
    expect(scrolled).toEqual(['First#continue']);
    await act(() => userEvent.click(screen.getByRole('link', { name: 'Continue learning' })));
    await screen.findByRole('heading', { name: 'Next' });
    expect(scrolled).toEqual(['First#continue', 'Next#continue']);
  });
});
