/**
 * Every test of the project. The database suite runs on PGlite, and again on PostgreSQL when
 * TEST_DATABASE_URL is set; browser journeys run when Chromium is installed.
 */
import { defineConfig } from 'vitest/config';

const serverTests = ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'];

function reliabilityProjects() {
  const engines = process.env.TEST_DATABASE_URL ? ['pglite', 'pg'] : ['pglite'];
  return engines.map((engine) => ({
    test: {
      name: `reliability-${engine}`,
      include: ['reliability/**/*.test.ts'],
      env: { FUPIN_TEST_DB: engine },
      globalSetup: ['apps/server/test/global-setup.ts'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }));
}

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      // Pure helpers of the web app (tree building, diffs, formatting); pages are covered by e2e.
      { test: { name: 'web', include: ['apps/web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server-pglite',
          include: serverTests,
          env: { FUPIN_TEST_DB: 'pglite' },
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'server-pg',
                include: serverTests,
                env: { FUPIN_TEST_DB: 'pg' },
                globalSetup: ['apps/server/test/global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      // Reliability and security proof (reliability/README.md): crash, bad input, access, audit.
      ...reliabilityProjects(),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A journey that fails is run once more in a fresh browser before it counts: on a busy
          // 2-core machine the admin journey's login button has once waited past 30 s. A journey
          // that fails twice is a failure.
          retry: 1,
        },
      },
    ],
  },
});
