import type { Ref, RefObject } from 'preact'
import type { WidgetConfig } from '../config'
import { trapTab } from '../focus'
import type { Parts } from '../parts'
import type { Strings } from '../strings/en'
import type { Conversation } from '../use-conversation'
import { Composer } from './Composer'
import { MessageList } from './MessageList'

interface Props {
  t: Strings
  config: WidgetConfig
  part: Parts['answer'] | null | undefined
  conversation: Conversation
  panelRef: Ref<HTMLDivElement>
  inputRef: RefObject<HTMLTextAreaElement | null>
  /** Floating panels are modal dialogs with a close button; inline ones are page regions. */
  onClose?(): void
}

export function Panel({ t, config, part, conversation: c, panelRef, inputRef, onClose }: Props) {
  // Buttons that act disappear or become disabled; keep focus in the panel, where typing continues.
  const thenFocus =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      action(...args)
      inputRef.current?.focus()
    }
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
      ref={panelRef}
      role={onClose ? 'dialog' : 'region'}
      aria-modal={onClose ? 'true' : undefined}
      aria-labelledby="pa-title"
      onKeyDown={keyDown}
    >
      <div class="header">
        <h2 id="pa-title">{config.title || t.title}</h2>
        <button type="button" onClick={thenFocus(c.clear)} disabled={!c.exchanges.length && !c.pending && !c.failed}>
          {t.clear}
        </button>
        {onClose && (
          <button type="button" class="close" aria-label={t.close} onClick={onClose}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        )}
      </div>
      <MessageList
        t={t}
        endpoint={config.endpoint}
        greeting={config.greeting || t.greeting}
        suggestions={config.suggestions}
        conversation={c}
        part={part}
        onAsk={thenFocus(c.send)}
        onRetry={thenFocus(c.retry)}
      />
      <Composer t={t} value={c.draft} busy={c.pending !== null} inputRef={inputRef} onInput={c.setDraft} onSend={c.send} />
      <p class="sr-only" aria-live="polite">
        {/* A trailing space on every other answer makes a repeated answer text still count as a change. */}
        {c.announcement && (
          <>
            {t.answer} <span lang="en">{c.announcement + (c.exchanges.length % 2 ? '' : '\u00a0')}</span>
          </>
        )}
      </p>
    </div>
  )
}
