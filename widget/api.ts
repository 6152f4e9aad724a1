/**
 * The widget's network calls, POST /api/ask and /api/feedback, typed by the
 * Worker's own contract. Every failure becomes a RequestError with a
 * plain-English message, so components never see raw HTTP or exceptions.
 */
import { LIMITS, type AskRequest, type AskResponse, type ErrorResponse, type FeedbackRequest, type FeedbackResponse, type Turn } from '../worker/contract'

const TIMEOUT_MS = 15_000

const SERVER_ERROR = 'Something went wrong on our side. Please try again in a moment.'
export const NETWORK_ERROR = "We couldn't reach Probation Answers. Check your connection and try again."

export class RequestError extends Error {
  /** A question the Worker rejected would fail the same way again; it needs editing, not retrying. */
  declare readonly retryable: boolean

  constructor(message: string, retryable = true) {
    super(message)
    this.retryable = retryable
  }
}

export function ask(endpoint: string, question: string, history: Turn[], signal?: AbortSignal): Promise<AskResponse> {
  return post(endpoint + '/api/ask', requestBody(question, history), signal)
}

/** A visitor's verdict on one answer. Only these two fields are sent: nothing that identifies the visitor. */
export function sendFeedback(endpoint: string, answerId: string, helpful: boolean): Promise<FeedbackResponse> {
  const body: FeedbackRequest = { answerId, helpful }
  return post(endpoint + '/api/feedback', JSON.stringify(body))
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
    throw new RequestError(request.signal.aborted ? 'The answer took too long to arrive. Please try again.' : NETWORK_ERROR)
  } finally {
    clearTimeout(timer)
  }
  if (!res.ok) throw await failure(res)
  try {
    return (await res.json()) as T
  } catch {
    throw new RequestError(SERVER_ERROR)
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
  if (res.status === 429) {
    const wait = Number(res.headers.get('retry-after'))
    const when = wait > 0 ? `in ${Math.ceil(wait)} second${wait > 1 ? 's' : ''}` : 'in a minute'
    return new RequestError(`Too many questions in a short time. Please try again ${when}.`)
  }
  if (res.status >= 500) return new RequestError(SERVER_ERROR)
  const body = (await res.json().catch(() => null)) as ErrorResponse | null
  return new RequestError(body?.error?.message ?? `The question could not be sent (HTTP ${res.status}).`, false)
}
