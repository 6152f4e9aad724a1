/**
 * Request bodies are capped before anything parses them. Hono's bodyLimit
 * refuses a declared Content-Length over the cap without reading, and counts
 * the bytes of a body without one as they arrive, stopping at the cap.
 */
import { bodyLimit } from 'hono/body-limit'
import { LIMITS } from '../contract'
import { ApiError } from '../errors'

export const jsonBodyLimit = () =>
  bodyLimit({
    maxSize: LIMITS.bodyBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is larger than ${LIMITS.bodyBytes / 1024} KB.`)
    },
  })
