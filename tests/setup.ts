import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { useProgress } from '../src/progress/store';

// Every test starts with empty storage and a fresh store (STYLE.md 8).
beforeEach(() => {
  localStorage.clear();
  useProgress.setState(useProgress.getInitialState(), true);
});

afterEach(() => {
  cleanup();
});
