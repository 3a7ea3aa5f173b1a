import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // live differential tests build namespaces one after another
    fileParallelism: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
