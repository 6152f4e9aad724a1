/**
 * The conversation's state and the actions that change it: asking, and
 * keeping the visitor's verdicts on answers. Keeps the typed question safe through failures (it goes back into
 * the input and a retry resends it) and persists everything to sessionStorage.
 * The network calls come with the answer view's part, which a question waits for.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Problem } from './api'
import { load as loadPart } from './parts'
import { load, save, storageKey, type Exchange } from './store'

export interface Failure {
  question: string
  error: Problem
}

const api = () => loadPart('answer')

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
  /** Keeps a verdict the Worker has accepted with its exchange. */
  rated(answerId: string, helpful: boolean): void
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
  function fail(question: string, error: Problem) {
    setFailed({ question, error })
    setDraft((d) => d || question)
  }

  function send(text: string) {
    const question = text.trim()
    // Too long a question (possible only through ask()) gets the Worker's own explanation.
    if (!question || inFlight.current) return
    const controller = new AbortController()
    inFlight.current = controller
    setPending(question)
    setFailed(null)
    setDraft((d) => (d.trim() === question ? '' : d))
    api()
      .then((p) => p.ask(endpoint, question, exchanges, controller.signal))
      .then((response) => {
        setExchanges((list) => [...list, { question, response }])
        setAnnouncement(response.answer)
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return
        // A part that would not load is a connection problem too.
        fail(question, (err as Problem).key ? (err as Problem) : { key: 'network' })
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
    rated: (answerId, helpful) => setExchanges((list) => list.map((e) => (e.response.answerId === answerId ? { ...e, helpful } : e))),
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
