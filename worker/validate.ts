/**
 * Request validation: every rule that turns bad input into a 4xx lives here,
 * so routes receive only well-formed values. Lengths are counted after
 * normalisation, which is also what the answer code sees.
 */
import type { Context } from 'hono'
import { LIMITS, REPORT_REASONS, type AskRequest, type FeedbackRequest, type ReportReason, type ReportRequest, type Turn } from './contract'
import { ApiError } from './errors'
import { normalize } from '../engine'

/**
 * Reads a JSON body: a JSON content type, valid JSON. Its size was already
 * capped by `jsonBodyLimit` (middleware/body-limit.ts) before any of it was read.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the request body as JSON with "Content-Type: application/json".')
  }
  const text = await c.req.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
}

function text(value: unknown, name: string, max: number, required = true): string {
  if (value === undefined || value === null) {
    if (required) throw new ApiError(400, 'bad_request', `"${name}" is required.`)
    return ''
  }
  if (typeof value !== 'string') throw new ApiError(400, 'bad_request', `"${name}" must be a string.`)
  const clean = normalize(value)
  if (required && clean === '') throw new ApiError(400, 'bad_request', `"${name}" is empty.`)
  if (clean.length > max) throw new ApiError(400, 'bad_request', `"${name}" is longer than ${max} characters.`)
  return clean
}

export function parseQuestion(value: unknown, name = 'question'): string {
  return text(value, name, LIMITS.questionChars)
}

export function parseAsk(body: unknown): Required<AskRequest> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'bad_request', 'The body must be a JSON object: {"question": "..."}.')
  }
  const { question, history } = body as Record<string, unknown>
  return { question: parseQuestion(question), history: parseHistory(history) }
}

function parseHistory(value: unknown): Turn[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new ApiError(400, 'bad_request', '"history" must be an array of {question, answer} turns.')
  if (value.length > LIMITS.historyTurns) {
    throw new ApiError(400, 'bad_request', `"history" may hold at most ${LIMITS.historyTurns} turns.`)
  }
  return value.map((turn, i) => {
    if (!turn || typeof turn !== 'object' || Array.isArray(turn)) {
      throw new ApiError(400, 'bad_request', `"history[${i}]" must be an object {question, answer}.`)
    }
    const t = turn as Record<string, unknown>
    return {
      question: text(t.question, `history[${i}].question`, LIMITS.questionChars),
      answer: text(t.answer, `history[${i}].answer`, LIMITS.answerChars, false),
    }
  })
}

export interface AskQuery {
  question: string
  /** Earlier questions of the conversation, oldest first. */
  history: string[]
  /** The knowledge-base version a permalink was made from, when the page was opened from one. */
  version?: string
}

/** The /ask page's query (q, h repeated, v) under the same rules as POST /api/ask. */
export function parseAskQuery(q: string | undefined, h: string[], v: string | undefined): AskQuery {
  const question = parseQuestion(q)
  if (h.length > LIMITS.historyTurns) {
    throw new ApiError(400, 'bad_request', `A conversation may carry at most ${LIMITS.historyTurns} earlier questions.`)
  }
  const history = h.map((earlier, i) => text(earlier, `earlier question ${i + 1}`, LIMITS.questionChars))
  return v === undefined ? { question, history } : { question, history, version: v.slice(0, 64) }
}

export function parseLimit(value: string | undefined): number {
  if (value === undefined || value === '') return 5
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > LIMITS.searchLimit) {
    throw new ApiError(400, 'bad_request', `"limit" must be a whole number from 1 to ${LIMITS.searchLimit}.`)
  }
  return Number(value)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function parseAnswerId(answerId: unknown): string {
  if (typeof answerId !== 'string' || !UUID.test(answerId)) {
    throw new ApiError(400, 'bad_request', '"answerId" must be the answerId of an answer from /api/ask.')
  }
  return answerId.toLowerCase()
}

export function parseFeedback(body: unknown): FeedbackRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'bad_request', 'The body must be a JSON object: {"answerId": "...", "helpful": true}.')
  }
  const { answerId: id, helpful, comment } = body as Record<string, unknown>
  const answerId = parseAnswerId(id)
  if (typeof helpful !== 'boolean') throw new ApiError(400, 'bad_request', '"helpful" must be true or false.')
  const note = text(comment, 'comment', LIMITS.commentChars, false)
  return note ? { answerId, helpful, comment: note } : { answerId, helpful }
}

export function parseReport(body: unknown): ReportRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'bad_request', 'The body must be a JSON object: {"answerId": "...", "reason": "inaccurate"}.')
  }
  const { answerId: id, reason, note } = body as Record<string, unknown>
  const answerId = parseAnswerId(id)
  if (typeof reason !== 'string' || !(REPORT_REASONS as readonly string[]).includes(reason)) {
    throw new ApiError(400, 'bad_request', `"reason" must be one of ${REPORT_REASONS.map((r) => `"${r}"`).join(', ')}.`)
  }
  const clean = text(note, 'note', LIMITS.reportNoteChars, false)
  return clean ? { answerId, reason: reason as ReportReason, note: clean } : { answerId, reason: reason as ReportReason }
}
