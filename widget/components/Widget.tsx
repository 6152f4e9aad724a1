import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { WidgetConfig } from '../config'
import { activeIn } from '../focus'
import { useConversation } from '../use-conversation'
import { Launcher } from './Launcher'
import { Panel } from './Panel'

/** What the page's JavaScript can do with the widget (window.ProbationAnswers). */
export interface Actions {
  open(): void
  close(): void
  ask(question: string): void
}

interface Props {
  config: WidgetConfig
  /** Floating: a launcher and a dialog. Inline: the panel only, always open. */
  inline: boolean
  /** Filled in with the widget's actions once it has rendered. */
  actions: { current?: Actions }
}

export function Widget({ config, inline, actions }: Props) {
  const [open, setOpen] = useState(inline || config.open)
  const conversation = useConversation(config.endpoint)
  const launcher = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLTextAreaElement>(null)
  const wasOpen = useRef(open)
  const returnFocus = useRef(false)

  // Focus moves only on a change, so a widget that starts open does not steal focus from the page.
  // A layout effect, so keys typed right after opening already land in the question box.
  useLayoutEffect(() => {
    if (open && !wasOpen.current) input.current?.focus()
    if (!open && returnFocus.current) launcher.current?.focus()
    wasOpen.current = open
    returnFocus.current = false
  }, [open])

  const close = () => {
    if (inline || !panel.current) return
    returnFocus.current = panel.current.contains(activeIn(panel.current))
    setOpen(false)
  }

  // The latest render's actions, so the page's calls always see the current state.
  actions.current = {
    open: () => (open ? input.current?.focus() : setOpen(true)),
    close,
    ask(question) {
      setOpen(true)
      conversation.send(question)
    },
  }

  const body = <Panel config={config} conversation={conversation} panelRef={panel} inputRef={input} onClose={inline ? undefined : close} />
  if (inline) return <div class="pa inline">{body}</div>
  return <div class={`pa floating ${config.position}`}>{open ? body : <Launcher title={config.title} buttonRef={launcher} onOpen={() => setOpen(true)} />}</div>
}
