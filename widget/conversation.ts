/**
 * The conversation's state and the actions that change it: asking and rating
 * answers. Keeps the typed question safe through failures (it goes back into
 * the input and a retry resends it) and persists everything to sessionStorage.
 * Plain state with a change callback rather than Preact hooks: the hooks
 * runtime alone would add about 1 KB gzip to widget.js.
 */
import { LIMITS, type Turn } from '../worker/contract'
import { ask, RequestError, sendFeedback } from './api'
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
  /** Abandons a request in flight, when the widget goes away. */
  stop(): void
}

/** @param changed called after every change, to re-render */
export function createConversation(endpoint: string, changed: () => void): Conversation {
  const key = storageKey(endpoint)
  let inFlight: AbortController | null = null

  const set = (patch: Partial<Conversation>) => {
    Object.assign(c, patch)
    save(key, { exchanges: c.exchanges, draft: c.draft })
    changed()
  }
  const stop = () => {
    inFlight?.abort()
    inFlight = null
  }

  function send(text: string) {
    const question = text.trim()
    if (!question || inFlight) return
    if (question.length > LIMITS.questionChars) {
      set({ failed: { question, message: `Please shorten your question to ${LIMITS.questionChars} characters or fewer.`, retryable: false }, draft: c.draft || question })
      return
    }
    const controller = new AbortController()
    inFlight = controller
    const history: Turn[] = c.exchanges.map((e) => ({ question: e.question, answer: e.response.answer }))
    set({ pending: question, failed: null, draft: c.draft.trim() === question ? '' : c.draft })
    ask(endpoint, question, history, { signal: controller.signal })
      .then((response) => set({ exchanges: [...c.exchanges, { question, response }], announcement: response.answer }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return
        const e = err instanceof RequestError ? err : new RequestError('network', "We couldn't reach Probation Answers. Please try again.")
        set({ failed: { question, message: e.message, retryable: e.retryable }, draft: c.draft || question })
      })
      .finally(() => {
        if (inFlight !== controller) return
        inFlight = null
        set({ pending: null })
      })
  }

  const c: Conversation = {
    ...load(key),
    setDraft: (draft) => set({ draft }),
    pending: null,
    failed: null,
    announcement: '',
    send,
    rate: (answerId, helpful) =>
      sendFeedback(endpoint, answerId, helpful).then(() =>
        set({ exchanges: c.exchanges.map((e) => (e.response.answerId === answerId ? { ...e, helpful } : e)) }),
      ),
    retry: () => c.failed && send(c.failed.question),
    clear() {
      stop()
      set({ exchanges: [], draft: '', pending: null, failed: null, announcement: '' })
    },
    stop,
  }
  return c
}
