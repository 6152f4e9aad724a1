/**
 * Environment for running Wrangler locally, offline and without noise (`npm start`, the e2e tests):
 * - WRANGLER_SEND_METRICS: no usage metrics (also `send_metrics = false` in wrangler.toml);
 * - WRANGLER_HIDE_BANNER: no banner, and so no update check against the npm registry, which the
 *   banner runs and prints as "update available";
 * - CLOUDFLARE_CF_FETCH_ENABLED: Miniflare does not fetch the data for `Request.cf` from
 *   workers.cloudflare.com (offline: a warning and a stack trace per start) and uses its
 *   placeholder instead. The Worker reads nothing from `request.cf`.
 */
export const WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
} as const
