/** Bindings and per-request variables the app's handlers see. */
import type { Kb } from './kb/load'

export interface Bindings {
  ASSETS?: Fetcher
  /** Published knowledge-base artifacts and the "current" pointer (worker/kb/pointer.ts). */
  KB_STORE?: R2Bucket
  /** Answers given and feedback on them (migrations/). */
  DB: D1Database
  /** Days answers and feedback are kept; default 90. */
  RETENTION_DAYS?: string
}

export interface AppEnv {
  Bindings: Bindings
  Variables: { kb: Kb }
}
