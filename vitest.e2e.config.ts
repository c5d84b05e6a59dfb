import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's chromium (/usr/bin/chromium)
// against `vite preview` of the production build (started in global-setup).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Generous: on a busy two-core machine one step's run takes a minute, and the
    // longest journey runs four; each wait inside a test has its own limit.
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false, // two cores: one browser at a time
  },
});
