/** Bindings and per-request variables the app's handlers see. */
import type { Kb } from './kb/load'

export interface Bindings {
  ASSETS?: Fetcher
}

export interface AppEnv {
  Bindings: Bindings
  Variables: { kb: Kb }
}
