import type { Ref } from 'preact'
import { trapTab } from '../focus'
import type { Conversation } from '../use-conversation'
import { Composer } from './Composer'
import { MessageList } from './MessageList'

interface Props {
  title: string
  greeting: string
  suggestions: string[]
  conversation: Conversation
  panelRef: Ref<HTMLDivElement>
  inputRef: Ref<HTMLTextAreaElement>
  /** Floating panels are modal dialogs with a close button; inline ones are page regions. */
  onClose?(): void
}

export function Panel({ title, greeting, suggestions, conversation: c, panelRef, inputRef, onClose }: Props) {
  const keyDown = (event: KeyboardEvent) => {
    if (!onClose) return
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    } else trapTab(event, event.currentTarget as HTMLElement)
  }
  return (
    <div
      class="panel"
      id="pa-panel"
      ref={panelRef}
      role={onClose ? 'dialog' : 'region'}
      aria-modal={onClose ? 'true' : undefined}
      aria-labelledby="pa-title"
      onKeyDown={keyDown}
    >
      <div class="header">
        <h2 id="pa-title">{title}</h2>
        <button type="button" class="clear" onClick={c.clear} disabled={!c.exchanges.length && !c.pending && !c.failed}>
          Clear
        </button>
        {onClose && (
          <button type="button" class="close" aria-label="Close" onClick={onClose}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        )}
      </div>
      <MessageList greeting={greeting} suggestions={suggestions} conversation={c} />
      <Composer value={c.draft} busy={c.pending !== null} inputRef={inputRef} onInput={c.setDraft} onSend={c.send} />
      <p class="sr-only" aria-live="polite">
        {c.announcement && `Answer: ${c.announcement}`}
      </p>
    </div>
  )
}
