/**
 * The kill switch: while MAINTENANCE is "on", questions and reports get 503
 * `unavailable` with Retry-After and the campaigners' message (as a page on
 * /ask), and /api/health says "maintenance". Search, the timeline and the
 * statements stay up: they only show the published sources.
 *
 * It is a Worker variable, set with `wrangler secret put MAINTENANCE` and
 * removed with `wrangler secret delete MAINTENANCE` (docs/security.md, "Switching the service off"):
 * either makes a new version of the Worker with the same code, live in
 * seconds, with no build or code deploy, and a secret is not reset by the
 * next `npm run deploy` as a dashboard variable would be. Reading it costs
 * nothing per request, where a KV flag would cost a read (or a cache that
 * delays the switch) and another binding to provision.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv, Bindings } from '../env'
import { ApiError } from '../errors'
import { normalize } from '../../engine'

export const DEFAULT_MAINTENANCE_MESSAGE =
  'This service is not answering questions at the moment. Please try again later; the sources and the timeline are still available.'

/** What Retry-After suggests: long enough not to hammer a switched-off service, short enough to notice it is back. */
export const MAINTENANCE_RETRY_SECONDS = 600

/** A message longer than this is cut: it is shown in the widget's panel. */
const MESSAGE_CHARS = 500

export function inMaintenance(env: Bindings): boolean {
  return env.MAINTENANCE?.trim().toLowerCase() === 'on'
}

export function maintenanceMessage(env: Bindings): string {
  return normalize(env.MAINTENANCE_MESSAGE ?? '').slice(0, MESSAGE_CHARS) || DEFAULT_MAINTENANCE_MESSAGE
}

export function maintenance(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (inMaintenance(c.env)) {
      throw new ApiError(503, 'unavailable', maintenanceMessage(c.env), { 'Retry-After': String(MAINTENANCE_RETRY_SECONDS) })
    }
    await next()
  }
}
