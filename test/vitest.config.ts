import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file that needs Python shares one runtime worker; files run two at a time on two cores.
    maxWorkers: 2,
    // The runtime's workers run as the CLI's do (older-v8.node.ts).
    setupFiles: ['test/older-v8.setup.ts'],
  },
});
