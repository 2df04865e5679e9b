import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One browser at a time on a 2-core machine; the web build is made once, in the global setup.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
