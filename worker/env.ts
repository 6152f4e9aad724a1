/** Bindings and per-request variables the app's handlers see. */
import type { Kb } from '../engine'

export interface Bindings {
  ASSETS?: Fetcher
  /** Parts of a knowledge base too big for the script (kb/<version>/...), fetched on demand. */
  KB_SHARDS?: R2Bucket
  /** Published knowledge-base artifacts and the "current" pointer (worker/kb/pointer.ts). */
  KB_STORE?: R2Bucket
  /** Answers given and feedback on them (migrations/). */
  DB: D1Database
  /** Days answers and feedback are kept; default 90. */
  RETENTION_DAYS?: string
  /** The deployed Worker version: part of the answer cache key, so new code never serves old answers. */
  CF_VERSION_METADATA: WorkerVersionMetadata
  /** Per-client limits (wrangler.toml [[ratelimits]]): questions, searches, and writes (feedback and reports). */
  ASK_LIMITER: RateLimit
  SEARCH_LIMITER: RateLimit
  WRITE_LIMITER: RateLimit
  /** "off" disables rate limiting; only ever passed to local runs (`RATE_LIMIT=off npm start`). */
  RATE_LIMIT?: string
  /** Comma-separated origins allowed to call the API from browsers; "*" allows any. */
  ALLOWED_ORIGINS?: string
  /** CSP frame-ancestors sources allowed to frame the demo page and the HTML pages; unset means none. */
  FRAME_ANCESTORS?: string
  /** Who runs this deployment and how to reach them, for /privacy and /accessibility; left out of the pages when unset. */
  OPERATOR_NAME?: string
  CONTACT_EMAIL?: string
  /** "on" switches questions and reports off (503 `unavailable`); a secret, so no deploy resets it (middleware/maintenance.ts). */
  MAINTENANCE?: string
  /** What visitors are told while MAINTENANCE is on; a default otherwise. */
  MAINTENANCE_MESSAGE?: string
}

export interface AppEnv {
  Bindings: Bindings
  /** `page`: the route is an HTML page, so errors are rendered as pages (worker/pages/layout.ts). */
  Variables: { kb: Kb; requestId: string; page?: boolean }
}
