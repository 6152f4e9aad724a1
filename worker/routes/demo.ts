/**
 * The demo page, from static assets with a strict CSP. The page may be framed
 * only by the sources in FRAME_ANCESTORS (none unless configured).
 */
import { Hono } from 'hono'
import type { AppEnv, Bindings } from '../env'
import { ApiError } from '../errors'

function demoPageCsp(env: Bindings): string {
  const ancestors = env.FRAME_ANCESTORS?.trim() || "'none'"
  return [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ')
}

export const demo = new Hono<AppEnv>().get('/', async (c) => {
  if (!c.env.ASSETS) throw new ApiError(404, 'not_found', 'Nothing at /.')
  const page = await c.env.ASSETS.fetch(c.req.raw)
  const res = new Response(page.body, page)
  res.headers.set('Content-Security-Policy', demoPageCsp(c.env))
  return res
})
