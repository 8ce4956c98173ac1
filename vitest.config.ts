import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/api/**/*.test.ts'],
          environment: 'node',
          // Storage and API tests run on SQLite and on this throwaway PostgreSQL cluster.
          globalSetup: ['test/setup/postgres-global-setup.ts'],
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/electron/**/*.test.ts'],
          environment: 'node',
          // Each file drives its own Chromium against its own station; two cores run them one at a time.
          fileParallelism: false,
          // After the unit project, not beside it: a busy CPU makes keys typed 5 ms apart arrive 100 ms apart.
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
