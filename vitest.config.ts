import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // One line per test file and failures in full: a passed test's console output is dropped (a
    // failed one's is shown with it), and no test counts as slow enough to be listed on its own.
    silent: 'passed-only',
    slowTestThreshold: Number.MAX_SAFE_INTEGER,
    // Each test file in a fresh worker (the default), said explicitly, which also keeps Vitest from
    // closing with a hint about turning isolation off.
    isolate: true,
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations('./migrations') } },
          })),
        ],
        // Whole question sets and fuzzing run in one test each; a shared 2-core machine needs more than 5 s.
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          setupFiles: ['tests/worker/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: { name: 'engine', include: ['tests/engine/**/*.test.ts'], environment: 'node' },
      },
      {
        test: { name: 'kb', include: ['tests/kb/**/*.test.ts'], environment: 'node' },
      },
      {
        test: { name: 'widget', include: ['tests/widget/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/widget/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/widget/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for what the page does next; 1 s (the default) is short on a busy 2-core machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
})
