import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { WidgetConfig } from '../config'
import { activeIn } from '../focus'
import { usePart } from '../parts'
import { en, type Strings } from '../strings/en'
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
  const root = useRef<HTMLDivElement>(null)
  const launcher = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLTextAreaElement>(null)
  const wasOpen = useRef(open)
  const returnFocus = useRef(false)
  // Another language shows nothing until its strings arrive, and English if they cannot.
  const welsh = usePart('cy', config.lang === 'cy')
  const lang = welsh === null ? 'en' : config.lang
  const strings = lang === 'en' ? en : welsh?.strings
  const answerView = usePart('answer', open && !!strings, root)
  // The answer view's English comes with it; until then nothing shows those strings.
  const t = strings && ({ ...answerView?.strings, ...strings, ...config.strings } as Strings)

  // Focus moves only on a change, so a widget that starts open does not steal focus from the page.
  // A layout effect, so keys typed right after opening already land in the question box.
  // Nothing is on screen before the strings arrive, so nothing changes until then.
  useLayoutEffect(() => {
    if (!t) return
    if (open && !wasOpen.current) input.current?.focus()
    if (!open && returnFocus.current) launcher.current?.focus()
    wasOpen.current = open
    returnFocus.current = false
  }, [open, !t])

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

  if (!t) return null
  const body = (
    <Panel t={t} config={config} part={answerView} conversation={conversation} panelRef={panel} inputRef={input} onClose={inline ? undefined : close} />
  )
  return (
    <div ref={root} lang={lang} class={`pa ${config.theme} ${inline ? 'inline' : 'floating ' + config.position}`}>
      {open ? body : <Launcher title={config.title || t.title} buttonRef={launcher} onOpen={() => setOpen(true)} />}
    </div>
  )
}
