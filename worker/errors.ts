/**
 * One error type for the whole API. Thrown anywhere, turned into the one JSON
 * error shape by the app's onError, so no route formats errors itself.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode, ErrorResponse } from './contract'
import type { AppEnv } from './env'
import { errorPage } from './pages/layout'

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export function errorBody(code: ErrorCode, message: string, requestId?: string): ErrorResponse {
  return { error: requestId ? { code, message, requestId } : { code, message } }
}

/** Any thrown value as an ApiError; anything unexpected becomes a 500 whose details stay in the log. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof HTTPException) return new ApiError(err.status === 500 ? 400 : err.status, 'bad_request', err.message || 'Bad request.')
  console.error('unhandled error', err)
  return new ApiError(500, 'internal', 'Something went wrong on our side. Please try again.')
}

/**
 * The error response, carrying the request id, which is also logged (with no
 * client address and no query string): JSON, or for a page route (c.var.page)
 * a page with the same status, headers and message.
 */
export function errorResponse(c: Context<AppEnv>, err: ApiError): Response | Promise<Response> {
  const requestId: string | undefined = c.get('requestId')
  const path = new URL(c.req.url).pathname.slice(0, 200)
  console.log(JSON.stringify({ requestId, status: err.status, code: err.code, method: c.req.method, path }))
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
  if (c.get('page')) return errorPage(c, err)
  return c.json(errorBody(err.code, err.message, requestId), err.status)
}
