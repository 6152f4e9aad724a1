/**
 * The widget's network calls, POST /api/ask, /api/feedback and /api/report,
 * typed by the Worker's own contract. They load with the answer view
 * (parts/answer.tsx): nothing is sent before a question. Every failure becomes
 * a RequestError naming a string of the catalogue (or carrying the Worker's
 * own words), so components never see raw HTTP or exceptions.
 */
import {
  LIMITS,
  type AskRequest,
  type AskResponse,
  type ErrorResponse,
  type FeedbackRequest,
  type FeedbackResponse,
  type ReportRequest,
  type ReportResponse,
  type Turn,
} from '../worker/contract'
import type { Exchange } from './store'
import type { StringName } from './strings/en'

const TIMEOUT_MS = 15_000

/** What went wrong, for the visitor. */
export interface Problem {
  /** The catalogue's string for it, with `n` for its `{n}`. */
  key: StringName
  n?: number
  /** The Worker's own words (English), shown instead of the catalogue's. */
  text?: string
  /** A question the Worker rejected would fail the same way again; it needs editing, not retrying. */
  final?: boolean
  /** The service is switched off: `text` is the campaigners' message, shown instead of an error. */
  unavailable?: boolean
}

export class RequestError extends Error implements Problem {
  constructor(
    readonly key: StringName,
    readonly n?: number,
    readonly text?: string,
    readonly final?: boolean,
    readonly unavailable?: boolean,
  ) {
    super(text ?? key)
  }
}

/** @param earlier the conversation so far, sent as history for a follow-up */
export function ask(endpoint: string, question: string, earlier: Exchange[], signal?: AbortSignal): Promise<AskResponse> {
  const history = earlier.map((e) => ({ question: e.question, answer: e.response.answer }))
  return post(endpoint + '/api/ask', requestBody(question, history), signal)
}

/** A visitor's verdict on one answer. Only these two fields are sent: nothing that identifies the visitor. */
export function sendFeedback(endpoint: string, answerId: string, helpful: boolean): Promise<FeedbackResponse> {
  const body: FeedbackRequest = { answerId, helpful }
  return post(endpoint + '/api/feedback', JSON.stringify(body))
}

/** A visitor's report that an answer is wrong: the answer's id, a reason and an optional note, nothing else. */
export function sendReport(endpoint: string, report: ReportRequest): Promise<ReportResponse> {
  return post(endpoint + '/api/report', JSON.stringify(report))
}

/** @param signal aborts the request (e.g. when the conversation is cleared) */
async function post<T>(url: string, body: string, signal?: AbortSignal): Promise<T> {
  // One controller for the caller's signal and the timeout: AbortSignal.any is too new for some browsers the widget supports.
  const request = new AbortController()
  const abort = () => request.abort()
  const timer = setTimeout(abort, TIMEOUT_MS)
  signal?.addEventListener('abort', abort)
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      credentials: 'omit',
      signal: request.signal,
    })
  } catch (err) {
    if (signal?.aborted) throw err
    // Not aborted by the caller, so aborted by the timeout.
    throw new RequestError(request.signal.aborted ? 'timeout' : 'network')
  } finally {
    clearTimeout(timer)
  }
  if (!res.ok) throw await failure(res)
  try {
    return (await res.json()) as T
  } catch {
    throw new RequestError('serverError')
  }
}

/** The JSON body, dropping the oldest turns until it fits the Worker's size limit. */
export function requestBody(question: string, history: Turn[]): string {
  const turns = history.slice(-LIMITS.historyTurns).map((t) => ({ question: t.question, answer: t.answer.slice(0, LIMITS.answerChars) }))
  for (;;) {
    // JSON.stringify leaves out a history that is undefined.
    const body: AskRequest = { question, history: turns.length ? turns : undefined }
    const json = JSON.stringify(body)
    if (!turns.length || new TextEncoder().encode(json).length <= LIMITS.bodyBytes) return json
    turns.shift()
  }
}

async function failure(res: Response): Promise<RequestError> {
  const { status } = res
  // "1 seconds" would read badly; a second more does no harm.
  if (status === 429) return new RequestError('rateLimited', Math.max(Math.ceil(Number(res.headers.get('retry-after'))), 2) || 60)
  const error = ((await res.json().catch(() => null)) as ErrorResponse | null)?.error
  // The kill switch: the campaigners' message instead of an error.
  if (error?.code === 'unavailable') return new RequestError('serverError', 0, error.message, true, true)
  if (status >= 500) return new RequestError('serverError')
  return new RequestError('rejected', status, error?.message, true)
}
