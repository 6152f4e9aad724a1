/** Applies migrations/ to the test's real local D1 database, as `wrangler d1 migrations apply` does. */
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
