/**
 * CORS for the API from the ALLOWED_ORIGINS var. The Worker's own origin (the
 * demo page and widget it serves) is always allowed. A disallowed origin gets
 * no CORS headers at all, so the browser blocks it; credentials are never allowed.
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv, Bindings } from '../env'

/** The origins in ALLOWED_ORIGINS; "*" only when written so. */
function allowedOrigins(env: Bindings): Set<string> {
  return new Set(
    (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().toLowerCase().replace(/\/+$/, ''))
      .filter(Boolean),
  )
}

export function apiCors(): MiddlewareHandler<AppEnv> {
  const withHeaders = cors({
    origin: (origin, c) => (allowedOrigins(c.env).has('*') ? '*' : origin),
    allowMethods: ['GET', 'HEAD', 'POST'],
    allowHeaders: ['Content-Type', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id'],
    maxAge: 86400,
    credentials: false,
  })
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (!origin) return next()
    const allowed = allowedOrigins(c.env)
    const permitted = origin === new URL(c.req.url).origin || allowed.has('*') || allowed.has(origin.toLowerCase())
    return permitted ? withHeaders(c, next) : next()
  }
}
