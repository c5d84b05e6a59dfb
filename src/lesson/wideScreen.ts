// Which layout the step page takes: the split view from this width up. Its own
// module, so the split view's chunk and the code that loads it both read it
// without importing each other.

/** Matches Tailwind's `lg`: the split view from here up, a single column below. */
export const WIDE_QUERY = '(min-width: 1024px)';

/** Is the screen wide enough for the split view now? */
export const wideScreen = () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE_QUERY).matches;
