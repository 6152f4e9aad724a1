/**
 * The Worker: a Hono app serving the question-answering API. Static files
 * (widget, demo page) are served by Workers static assets before this runs.
 */
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import type { AppEnv, Bindings } from './env'
import { ApiError, errorResponse, toApiError } from './errors'
import { servedKb } from './kb/store'
import { apiCors } from './middleware/cors'
import { rateLimit } from './middleware/rate-limit'
import { securityHeaders } from './middleware/security-headers'
import { ask } from './routes/ask'
import { demo } from './routes/demo'
import { feedback } from './routes/feedback'
import { health } from './routes/health'
import { search } from './routes/search'
import { scheduled } from './scheduled'

const app = new Hono<AppEnv>()

app.use(requestId({ limitLength: 64 }), securityHeaders())
app.use('/api/*', apiCors())
app.use('/api/ask', rateLimit('ASK_LIMITER'))
app.use('/api/search', rateLimit('SEARCH_LIMITER'))

app.use('/api/*', async (c, next) => {
  c.set('kb', await servedKb(c.env.KB_STORE))
  await next()
})

app.route('/', demo)
app.route('/api/health', health)
app.route('/api/search', search)
app.route('/api/ask', ask)
app.route('/api/feedback', feedback)

const ROUTES: Record<string, string> = { '/api/health': 'GET, HEAD', '/api/search': 'GET, HEAD', '/api/ask': 'POST', '/api/feedback': 'POST' }
for (const [path, allow] of Object.entries(ROUTES)) {
  app.all(path, () => {
    throw new ApiError(405, 'method_not_allowed', `Use ${allow.replace(', HEAD', '')} for ${path}.`, { Allow: allow })
  })
}

app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', `Nothing at ${new URL(c.req.url).pathname}.`)))

app.onError((err, c) => errorResponse(c, toApiError(err)))

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>
