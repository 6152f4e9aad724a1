import type { Ref } from 'preact'
import { LIMITS } from '../../worker/contract'

interface Props {
  value: string
  busy: boolean
  inputRef: Ref<HTMLTextAreaElement>
  onInput(text: string): void
  onSend(text: string): void
}

/** The question box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ value, busy, inputRef, onInput, onSend }: Props) {
  const submit = (event: Event) => {
    event.preventDefault()
    onSend(value)
  }
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submit(event)
  }
  return (
    <form class="composer" onSubmit={submit}>
      <textarea
        ref={inputRef}
        aria-label="Your question"
        rows={2}
        maxLength={LIMITS.questionChars}
        placeholder="Ask a question…"
        aria-describedby="pa-hint"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={keyDown}
      />
      <span id="pa-hint" class="sr-only">
        Enter sends, Shift+Enter starts a new line.
      </span>
      <button type="submit" aria-busy={busy}>
        Send
      </button>
    </form>
  )
}
