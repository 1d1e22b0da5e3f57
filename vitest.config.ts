import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'integrations/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['electron/core/workers/build-for-tests.ts'],
    testTimeout: 20_000,
  },
});
