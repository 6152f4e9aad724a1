/** Bindings and per-request variables the app's handlers see. */
import type { Kb } from './kb/load'

export interface Bindings {
  ASSETS?: Fetcher
  /** Parts of a knowledge base too big for the script (kb/<version>/...), fetched on demand. */
  KB_SHARDS?: R2Bucket
}

export interface AppEnv {
  Bindings: Bindings
  Variables: { kb: Kb }
}
