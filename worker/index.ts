/**
 * The Worker: a Hono app serving the question-answering API and plain HTML
 * pages (worker/pages/). Static files (widget, stylesheets) are served by
 * Workers static assets before this runs.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { requestId } from 'hono/request-id'
import type { AppEnv, Bindings } from './env'
import { ApiError, errorResponse, toApiError } from './errors'
import { servedKb } from './kb/store'
import { jsonBodyLimit } from './middleware/body-limit'
import { apiCors } from './middleware/cors'
import { maintenance } from './middleware/maintenance'
import { rateLimit } from './middleware/rate-limit'
import { securityHeaders } from './middleware/security-headers'
import { ask } from './routes/ask'
import { demo } from './routes/demo'
import { feedback } from './routes/feedback'
import { health } from './routes/health'
import { report } from './routes/report'
import { search } from './routes/search'
import { timeline } from './routes/timeline'
import { askPage } from './pages/ask'
import { accessibilityPage, privacyPage } from './pages/statements'
import { timelinePage } from './pages/timeline'
import { scheduled } from './scheduled'

/** Loads the knowledge base being served (worker/kb/store.ts) for the routes that read it. */
const withKb: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('kb', await servedKb(c.env.KB_STORE))
  await next()
}

interface Route {
  path: string
  /** The one method the route answers (GET also answers HEAD); any other gets 405 with Allow. */
  method: 'GET' | 'POST'
  app: Hono<AppEnv>
  /** Run before the route for every method, so a client over its limit is turned away whatever it sends. */
  use?: MiddlewareHandler<AppEnv>[]
  /** An HTML page: its errors are pages too (errors.ts). */
  page?: true
}

const markPage: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('page', true)
  await next()
}

/**
 * Every route: where it is mounted, what runs before it (cheap refusals first:
 * the kill switch, the rate limit, the body limit; then the KB for routes that
 * read it), and which method it answers.
 */
const ROUTES: Route[] = [
  { path: '/', method: 'GET', app: demo },
  { path: '/api/health', method: 'GET', app: health, use: [withKb] },
  { path: '/api/search', method: 'GET', app: search, use: [rateLimit('SEARCH_LIMITER'), withKb] },
  { path: '/api/ask', method: 'POST', app: ask, use: [maintenance(), rateLimit('ASK_LIMITER'), jsonBodyLimit(), withKb] },
  { path: '/api/feedback', method: 'POST', app: feedback, use: [rateLimit('WRITE_LIMITER'), jsonBodyLimit()] },
  { path: '/api/report', method: 'POST', app: report, use: [maintenance(), rateLimit('WRITE_LIMITER'), jsonBodyLimit()] },
  { path: '/api/timeline', method: 'GET', app: timeline, use: [withKb] },
  { path: '/ask', method: 'GET', app: askPage, page: true, use: [withKb, maintenance(), rateLimit('ASK_LIMITER')] },
  { path: '/timeline', method: 'GET', app: timelinePage, page: true, use: [withKb] },
  { path: '/privacy', method: 'GET', app: privacyPage, page: true, use: [withKb] },
  { path: '/accessibility', method: 'GET', app: accessibilityPage, page: true, use: [withKb] },
]

const app = new Hono<AppEnv>()

app.use(requestId({ limitLength: 64 }), securityHeaders())
app.use('/api/*', apiCors())

for (const { path, use = [], page } of ROUTES) {
  const before = page ? [markPage, ...use] : use
  if (before.length > 0) app.use(path, ...before)
}
for (const { path, app: route } of ROUTES) app.route(path, route)
// Registered after every route, so they only see methods no route answered.
for (const { path, method } of ROUTES) {
  const allow = method === 'GET' ? 'GET, HEAD' : method
  app.all(path, () => {
    throw new ApiError(405, 'method_not_allowed', `Use ${method} for ${path}.`, { Allow: allow })
  })
}

app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', `Nothing at ${new URL(c.req.url).pathname}.`)))

app.onError((err, c) => errorResponse(c, toApiError(err)))

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>
