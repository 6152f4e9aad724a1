/**
 * The HTTP contract between the Worker and its clients (the widget, curl, tests).
 * Imports nothing, so the widget can import it without pulling in Worker code.
 */

/** Limits enforced on requests; the widget uses the same numbers to validate before sending. */
export const LIMITS = {
  /** Characters in a question, counted after Unicode normalisation. */
  questionChars: 500,
  /** Characters in one earlier answer sent back as history. */
  answerChars: 2000,
  /** Earlier turns kept as history. */
  historyTurns: 6,
  /** Bytes in a request body. */
  bodyBytes: 8 * 1024,
  /** Results one search may ask for. */
  searchLimit: 20,
  /** Characters in a feedback comment, counted after normalisation. */
  commentChars: 1000,
} as const

export interface HealthResponse {
  status: 'ok'
  kb: KbInfo
}

export interface KbInfo {
  /** Content hash of the knowledge-base artifact being served. */
  version: string
  /** Where the served artifact came from: built into the deploy, or published to storage. */
  source: 'bundled' | 'storage'
  documents: number
  passages: number
}

export interface SearchResult {
  /** Passage id: `<sourceId>#<n>`. */
  id: string
  sourceId: string
  title: string
  publisher: string
  /** ISO date as precise as the source allows: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string
  url?: string
  heading: string
  text: string
  score: number
}

export interface SearchResponse {
  results: SearchResult[]
}

export interface Turn {
  question: string
  answer: string
}

export interface AskRequest {
  question: string
  /** Earlier turns, oldest first; at most LIMITS.historyTurns are used. */
  history?: Turn[]
}

export interface Citation {
  /** The number used by the `[n]` marker in the answer. */
  n: number
  sourceId: string
  passageId: string
  title: string
  publisher: string
  published: string
  url?: string
  /** The exact knowledge-base sentence(s) the answer took from this passage. */
  quote: string
}

export interface AskResponse {
  /** Identifies this answer for feedback. */
  answerId: string
  answer: string
  answered: boolean
  citations: Citation[]
  /** Questions the knowledge base can answer, offered when this one could not be. */
  suggestions?: string[]
}

export interface FeedbackRequest {
  answerId: string
  helpful: boolean
  comment?: string
}

/** Feedback is kept once per answer: sending it again replaces the earlier verdict. */
export interface FeedbackResponse {
  answerId: string
  helpful: boolean
}

export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'unauthorized'
  | 'internal'

export interface ErrorResponse {
  error: { code: ErrorCode; message: string; requestId?: string }
}
