import { useLayoutEffect, useRef } from 'preact/hooks'
import type { Parts } from '../parts'
import type { Strings } from '../strings/en'
import type { Conversation } from '../use-conversation'
import { ErrorNotice } from './ErrorNotice'
import { Suggestions } from './Suggestions'

interface Props {
  t: Strings
  endpoint: string
  greeting: string
  suggestions: string[]
  conversation: Conversation
  /** The answer view, loaded on demand; until then an answer shows as plain text. */
  part: Parts['answer'] | null | undefined
  onAsk(question: string): void
  onRetry(): void
}

/** The conversation so far: greeting, each question with its answer, then what is in progress or failed. */
export function MessageList({ t, endpoint, greeting, suggestions, conversation: c, part, onAsk, onRetry }: Props) {
  const list = useRef<HTMLDivElement>(null)
  const latest = c.exchanges.length
  // The question in progress or the one that failed; it stays on screen either way.
  const waiting = c.pending ?? c.failed?.question
  // A new answer scrolls up to its question so it is read from the start; anything else shows the end.
  // Before paint, so the list never shows a frame at the old position.
  useLayoutEffect(() => {
    const el = list.current
    if (!el) return
    const question = [...el.querySelectorAll<HTMLElement>('.user')].pop()
    el.scrollTop = !c.pending && !c.failed && question ? question.offsetTop - 12 : el.scrollHeight
  }, [latest, c.pending, c.failed, part])

  return (
    <div class="messages" ref={list} role="region" aria-label={t.conversation} tabIndex={0}>
      <p class="bubble bot">{greeting}</p>
      {t.englishNote && <p class="note">{t.englishNote}</p>}
      {latest === 0 && !c.pending && suggestions.length > 0 && <Suggestions label={t.tryAsking} questions={suggestions} onAsk={onAsk} />}
      {/* Exchanges are only appended or all cleared, so they need no keys: their position is their identity. */}
      {c.exchanges.map((e, i) => [
        <p class="bubble user">{e.question}</p>,
        part ? (
          <part.Answer t={t} endpoint={endpoint} index={i} response={e.response} helpful={e.helpful} onAsk={onAsk} onRated={c.rated} />
        ) : (
          <p class="bubble bot" lang="en">
            {e.response.answer}
          </p>
        ),
      ])}
      {waiting && <p class="bubble user">{waiting}</p>}
      {c.pending ? (
        <p class="loading" role="status">
          <span class="dots" aria-hidden="true" />
          {t.finding}
        </p>
      ) : (
        c.failed && <ErrorNotice t={t} failure={c.failed} onRetry={onRetry} />
      )}
    </div>
  )
}
