/**
 * The widget's one network call: POST /api/ask, typed by the Worker's own
 * contract. Every failure becomes an AskError with a plain-English message,
 * so components never see raw HTTP or exceptions.
 */
import { LIMITS, type AskRequest, type AskResponse, type ErrorResponse, type Turn } from '../worker/contract'

export const TIMEOUT_MS = 15_000

const SERVER_ERROR = 'Something went wrong on our side. Please try again in a moment.'

export type FailureKind = 'network' | 'timeout' | 'rate_limited' | 'server' | 'rejected'

export class AskError extends Error {
  /** A rejected question will fail the same way again; it needs editing, not retrying. */
  declare readonly retryable: boolean

  constructor(kind: FailureKind, message: string) {
    super(message)
    this.retryable = kind !== 'rejected'
  }
}

export interface AskOptions {
  /** Aborts the request (e.g. when the conversation is cleared). */
  signal?: AbortSignal
  timeoutMs?: number
}

export async function ask(endpoint: string, question: string, history: Turn[], options: AskOptions = {}): Promise<AskResponse> {
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? TIMEOUT_MS)
  const signal = options.signal ? anySignal(options.signal, timeout.signal) : timeout.signal
  let res: Response
  try {
    res = await fetch(new URL('/api/ask', endpoint).href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: requestBody(question, history),
      credentials: 'omit',
      signal,
    })
  } catch (err) {
    if (timeout.signal.aborted) throw new AskError('timeout', 'The answer took too long to arrive. Please try again.')
    if (options.signal?.aborted) throw err
    throw new AskError('network', "We couldn't reach Probation Answers. Check your connection and try again.")
  } finally {
    clearTimeout(timer)
  }
  if (!res.ok) throw await failure(res)
  try {
    return (await res.json()) as AskResponse
  } catch {
    throw new AskError('server', SERVER_ERROR)
  }
}

/** The JSON body, dropping the oldest turns until it fits the Worker's size limit. */
export function requestBody(question: string, history: Turn[]): string {
  let turns = history.slice(-LIMITS.historyTurns).map((t) => ({ question: t.question, answer: t.answer.slice(0, LIMITS.answerChars) }))
  for (;;) {
    const body: AskRequest = turns.length ? { question, history: turns } : { question }
    const json = JSON.stringify(body)
    if (!turns.length || new TextEncoder().encode(json).length <= LIMITS.bodyBytes) return json
    turns = turns.slice(1)
  }
}

async function failure(res: Response): Promise<AskError> {
  if (res.status === 429) {
    const wait = Number(res.headers.get('retry-after'))
    const when = wait > 0 ? `in ${Math.ceil(wait)} second${wait > 1 ? 's' : ''}` : 'in a minute'
    return new AskError('rate_limited', `Too many questions in a short time. Please try again ${when}.`)
  }
  if (res.status >= 500) return new AskError('server', SERVER_ERROR)
  const body = (await res.json().catch(() => null)) as ErrorResponse | null
  return new AskError('rejected', body?.error?.message ?? `The question could not be sent (HTTP ${res.status}).`)
}

/** AbortSignal.any is too new for some browsers the widget supports. */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const both = new AbortController()
  const abort = () => both.abort()
  for (const s of [a, b]) {
    if (s.aborted) abort()
    else s.addEventListener('abort', abort, { once: true })
  }
  return both.signal
}
