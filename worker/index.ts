/**
 * The Worker: a Hono app serving the question-answering API. Static files
 * (widget, demo page) are served by Workers static assets before this runs.
 */
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from './env'
import { ApiError, errorBody } from './errors'
import { bundledKb } from './kb/bundled'
import { ask } from './routes/ask'
import { health } from './routes/health'
import { search } from './routes/search'

const app = new Hono<AppEnv>()

app.use('/api/*', async (c, next) => {
  c.set('kb', bundledKb(c.env))
  await next()
})

app.route('/api/health', health)
app.route('/api/search', search)
app.route('/api/ask', ask)

const ROUTES: Record<string, string> = { '/api/health': 'GET, HEAD', '/api/search': 'GET, HEAD', '/api/ask': 'POST' }
for (const [path, allow] of Object.entries(ROUTES)) {
  app.all(path, () => {
    throw new ApiError(405, 'method_not_allowed', `Use ${allow.replace(', HEAD', '')} for ${path}.`, { Allow: allow })
  })
}

app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${new URL(c.req.url).pathname}.`), 404))

app.onError((err, c) => {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
    return c.json(errorBody(err.code, err.message), err.status)
  }
  if (err instanceof HTTPException) {
    return c.json(errorBody('bad_request', err.message || 'Bad request.'), err.status === 500 ? 400 : err.status)
  }
  console.error('unhandled error', err)
  return c.json(errorBody('internal', 'Something went wrong on our side. Please try again.'), 500)
})

export default app
