import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        // Whole question sets and fuzzing run in one test each; a shared 2-core machine needs more than 5 s.
        test: { name: 'worker', include: ['tests/worker/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        test: { name: 'kb', include: ['tests/kb/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
})
