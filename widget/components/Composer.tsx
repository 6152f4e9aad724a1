import type { Ref } from 'preact'
import type { Strings } from '../strings/en'

/** LIMITS.questionChars (a test keeps them equal), without bringing all of LIMITS into widget.js. */
export const QUESTION_CHARS = 500

interface Props {
  t: Strings
  value: string
  busy: boolean
  inputRef: Ref<HTMLTextAreaElement>
  onInput(text: string): void
  onSend(text: string): void
}

/** The question box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ t, value, busy, inputRef, onInput, onSend }: Props) {
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
        aria-label={t.question}
        rows={2}
        maxLength={QUESTION_CHARS}
        placeholder={t.placeholder}
        aria-describedby="pa-hint"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={keyDown}
      />
      <span id="pa-hint" class="sr-only">
        {t.keys}
      </span>
      <button type="submit" aria-busy={busy}>
        {t.send}
      </button>
    </form>
  )
}
