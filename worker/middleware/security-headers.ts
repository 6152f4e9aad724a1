/**
 * Security headers on every response the Worker makes. API responses are data,
 * never documents, so their CSP allows nothing; the demo page sets its own CSP,
 * which this keeps (overwrite: false). Static files get theirs from public/_headers.
 */
import { secureHeaders } from 'hono/secure-headers'

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    // frame-ancestors governs framing; X-Frame-Options would forbid what FRAME_ANCESTORS allows.
    xFrameOptions: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    overwrite: false,
  })
