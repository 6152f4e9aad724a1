/** Types `env` from `cloudflare:workers` in tests: the Worker's bindings plus the migrations vitest.config.ts passes in. */
import type { D1Migration } from 'cloudflare:test'
import type { Bindings } from '../../worker/env'

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      KB_STORE: R2Bucket
      TEST_MIGRATIONS: D1Migration[]
    }
  }
}
