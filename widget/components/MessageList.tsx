import { useLayoutEffect, useRef } from 'preact/hooks'
import type { Conversation } from '../use-conversation'
import { Answer } from './Answer'
import { ErrorNotice } from './ErrorNotice'
import { Suggestions } from './Suggestions'

interface Props {
  greeting: string
  suggestions: string[]
  conversation: Conversation
  onAsk(question: string): void
  onRetry(): void
}

/** The conversation so far: greeting, each question with its answer, then what is in progress or failed. */
export function MessageList({ greeting, suggestions, conversation: c, onAsk, onRetry }: Props) {
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
  }, [latest, c.pending, c.failed])

  return (
    <div class="messages" ref={list} role="region" aria-label="Conversation" tabIndex={0}>
      <p class="bubble bot">{greeting}</p>
      {latest === 0 && !c.pending && suggestions.length > 0 && <Suggestions label="Try asking" questions={suggestions} onAsk={onAsk} />}
      {/* Exchanges are only appended or all cleared, so they need no keys: their position is their identity. */}
      {c.exchanges.map((e, i) => [
        <p class="bubble user">{e.question}</p>,
        <Answer index={i} response={e.response} helpful={e.helpful} onAsk={onAsk} onRate={c.rate} />,
      ])}
      {waiting && <p class="bubble user">{waiting}</p>}
      {c.pending ? (
        <p class="loading" role="status">
          <span class="dots" aria-hidden="true" />
          Finding an answer…
        </p>
      ) : (
        c.failed && <ErrorNotice failure={c.failed} onRetry={onRetry} />
      )}
    </div>
  )
}
