/**
 * The HTTP contract between the Worker and its clients (the widget, curl, tests).
 * Imports only types, so the widget can import it without pulling in Worker or
 * engine code. An answer's citations and the timeline are the engine's own
 * shapes, served as they are.
 */
export type { Citation, SourceKind, TimelineCitation, TimelineEvent } from '../engine'
import type { Citation, SourceKind, TimelineEvent } from '../engine'

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
  /** Characters in the note of an inaccuracy report, counted after normalisation. */
  reportNoteChars: 500,
} as const

export interface HealthResponse {
  /** `maintenance` while the service is switched off (MAINTENANCE=on): questions then get 503 `unavailable`. */
  status: 'ok' | 'maintenance'
  kb: KbInfo
  /** The campaigners' message shown instead of answers, while in maintenance. */
  message?: string
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
  kind: SourceKind
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

export interface AskResponse {
  /** Identifies this answer for feedback. */
  answerId: string
  answer: string
  answered: boolean
  citations: Citation[]
  /** Questions the knowledge base can answer, offered when this one could not be. */
  suggestions?: string[]
  /** For questions about how things stand now: the date of the latest state the sources record, YYYY[-MM[-DD]]. */
  asOf?: string
  /** Absolute URL of a page (no JavaScript needed) showing this answer and its citations. */
  permalink: string
  /** Version of the knowledge base the answer came from. */
  kbVersion: string
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

export const REPORT_REASONS = ['inaccurate', 'out_of_date', 'missing_source', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/** A visitor's report that an answer is wrong. Stored with the answer's question, KB version and cited passages; never with who sent it. */
export interface ReportRequest {
  answerId: string
  reason: ReportReason
  /** At most LIMITS.reportNoteChars characters. */
  note?: string
}

export interface ReportResponse {
  reportId: string
}

export interface TimelineResponse {
  events: TimelineEvent[]
}

export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'

export interface ErrorResponse {
  error: { code: ErrorCode; message: string; requestId?: string }
}
