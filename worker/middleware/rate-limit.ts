/**
 * Per-client rate limiting with the Workers Rate Limiting binding. The client
 * is the CF-Connecting-IP address, which Cloudflare sets on every request from
 * the internet and clients cannot forge; IPv6 clients count by their /64,
 * since one host usually holds a whole /64. The address is a counter key only,
 * never stored or logged.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'

/** The window of every limiter in wrangler.toml, in seconds: the longest a client waits. */
export const LIMIT_PERIOD_SECONDS = 60

/** The counter key for an address: IPv4 as is, IPv6 as its /64 prefix in one canonical spelling. */
export function clientKey(ip: string): string {
  if (!ip.includes(':')) return ip
  if (ip.includes('.')) return ip.slice(ip.lastIndexOf(':') + 1)
  const [head = '', tail] = ip.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`
}

export function rateLimit(binding: 'ASK_LIMITER' | 'SEARCH_LIMITER' | 'WRITE_LIMITER'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = c.req.header('cf-connecting-ip')
    // Requests without the header come from inside (tests, service bindings), never from the internet.
    if (!ip || c.env.RATE_LIMIT === 'off' || c.req.method === 'OPTIONS') return next()
    const { success } = await c.env[binding].limit({ key: clientKey(ip) })
    if (!success) {
      throw new ApiError(429, 'rate_limited', `Too many requests. Please wait ${LIMIT_PERIOD_SECONDS} seconds and try again.`, {
        'Retry-After': String(LIMIT_PERIOD_SECONDS),
      })
    }
    await next()
  }
}
