/**
 * One error type for the whole API. Thrown anywhere, turned into the one JSON
 * error shape by the app's onError, so no route formats errors itself.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode, ErrorResponse } from './contract'

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
