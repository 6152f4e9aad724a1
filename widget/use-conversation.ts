/**
 * The conversation's state and the actions that change it: asking and rating
 * answers. Keeps the typed question safe through failures (it goes back into
 * the input and a retry resends it) and persists everything to sessionStorage.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { LIMITS, type Turn } from '../worker/contract'
import { ask as askApi, NETWORK_ERROR, RequestError, sendFeedback } from './api'
import { load, save, storageKey, type Exchange } from './store'

export interface Failure {
  question: string
  message: string
  retryable: boolean
}

export interface Conversation {
  exchanges: Exchange[]
  draft: string
  setDraft(text: string): void
  /** The question waiting for its answer. */
  pending: string | null
  failed: Failure | null
  /** The latest answer, for the live region; empty until one arrives in this page view. */
  announcement: string
  send(question: string): void
  /** Sends a verdict on an answer and, once the Worker has it, keeps it with the exchange; rejects on failure. */
  rate(answerId: string, helpful: boolean): Promise<void>
  retry(): void
  clear(): void
}

export function useConversation(endpoint: string): Conversation {
  const key = storageKey(endpoint)
  const [initial] = useState(() => load(key))
  const [exchanges, setExchanges] = useState(initial.exchanges)
  const [draft, setDraft] = useState(initial.draft)
  const [pending, setPending] = useState<string | null>(null)
  const [failed, setFailed] = useState<Failure | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const inFlight = useRef<AbortController | null>(null)

  useEffect(() => save(key, { exchanges, draft }), [key, exchanges, draft])
  useEffect(() => () => inFlight.current?.abort(), [])

  /** Shows what went wrong, and puts the question back in the input if the visitor has not typed another. */
  function fail(question: string, { message, retryable }: RequestError) {
    setFailed({ question, message, retryable })
    setDraft((d) => d || question)
  }

  function send(text: string) {
    const question = text.trim()
    if (!question || inFlight.current) return
    if (question.length > LIMITS.questionChars) {
      return fail(question, new RequestError(`Please shorten your question to ${LIMITS.questionChars} characters or fewer.`, false))
    }
    const controller = new AbortController()
    inFlight.current = controller
    const history: Turn[] = exchanges.map((e) => ({ question: e.question, answer: e.response.answer }))
    setPending(question)
    setFailed(null)
    setDraft((d) => (d.trim() === question ? '' : d))
    askApi(endpoint, question, history, controller.signal)
      .then((response) => {
        setExchanges((list) => [...list, { question, response }])
        setAnnouncement(response.answer)
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return
        fail(question, err instanceof RequestError ? err : new RequestError(NETWORK_ERROR))
      })
      .finally(() => {
        if (inFlight.current !== controller) return
        inFlight.current = null
        setPending(null)
      })
  }

  return {
    exchanges,
    draft,
    setDraft,
    pending,
    failed,
    announcement,
    send,
    rate: (answerId, helpful) =>
      sendFeedback(endpoint, answerId, helpful).then(() =>
        setExchanges((list) => list.map((e) => (e.response.answerId === answerId ? { ...e, helpful } : e))),
      ),
    retry: () => failed && send(failed.question),
    clear() {
      inFlight.current?.abort()
      inFlight.current = null
      setExchanges([])
      setDraft('')
      setPending(null)
      setFailed(null)
      setAnnouncement('')
    },
  }
}
