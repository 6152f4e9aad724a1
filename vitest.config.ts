import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// Files that depend on an isolate's own state get a fresh one each: what a young isolate does (its
// first answers looked up in the Cache API), and the answer log's one writer per isolate, which a
// file that ended before its writer did would leave holding the queue. The other Worker files
// share one, which saves starting workerd per file.
const FRESH_ISOLATE = [
  'tests/worker/answer-memory.test.ts',
  'tests/worker/ask-page.test.ts',
  'tests/worker/security.test.ts',
  'tests/worker/answer-log.test.ts',
  'tests/worker/feedback.test.ts',
  'tests/worker/report.test.ts',
]

function workerProject(name: string, test: { include: string[]; exclude?: string[]; isolate: boolean }) {
  return {
    plugins: [
      cloudflareTest(async () => ({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations('./migrations') } },
      })),
    ],
    // Whole question sets and fuzzing run in one test each; a shared 2-core machine needs more than 5 s.
    test: { name, ...test, setupFiles: ['tests/worker/setup.ts'], testTimeout: 30_000 },
  }
}

export default defineConfig({
  test: {
    // One line per test file and failures in full: a passed test's console output is dropped (a
    // failed one's is shown with it), and no test counts as slow enough to be listed on its own.
    silent: 'passed-only',
    slowTestThreshold: Number.MAX_SAFE_INTEGER,
    // Each file in a fresh worker unless its project shares one (engine, kb, widget, e2e and most
    // Worker files do not depend on module state); said explicitly, which keeps Vitest from closing
    // with a hint about turning isolation off.
    isolate: true,
    // Two files at once even on 2 cores (Vitest's default there is one): much of a file's time is
    // spent waiting on workerd, Wrangler or Chromium, not computing.
    maxWorkers: 2,
    projects: [
      workerProject('worker', { include: ['tests/worker/**/*.test.ts'], exclude: FRESH_ISOLATE, isolate: false }),
      workerProject('worker-fresh', { include: FRESH_ISOLATE, isolate: true }),
      {
        test: { name: 'engine', isolate: false, include: ['tests/engine/**/*.test.ts'], environment: 'node' },
      },
      {
        // Some compare the whole real knowledge base with MiniSearch: more than 5 s on a busy 2-core machine.
        test: { name: 'kb', isolate: false, include: ['tests/kb/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        test: { name: 'widget', isolate: false, include: ['tests/widget/*.test.{ts,tsx}'], exclude: ['tests/widget/parts.test.tsx'], environment: 'happy-dom' },
      },
      {
        // Parts are loaded once per module instance: a file about a part failing to load needs one of its own.
        test: { name: 'widget-fresh', isolate: true, include: ['tests/widget/parts.test.tsx'], environment: 'happy-dom' },
      },
      {
        test: {
          name: 'e2e',
          isolate: false,
          include: ['tests/widget/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/widget/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for what the page does next; 1 s (the default) is short on a busy 2-core machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
})
