import { Component, createRef, type RefObject } from 'preact'
import type { WidgetConfig } from '../config'
import { createConversation, type Conversation } from '../conversation'
import { activeIn } from '../focus'
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
  /** Filled in with the widget's actions. */
  actions: { current?: Actions }
}

/** A class, not hooks: see conversation.ts. */
export class Widget extends Component<Props, { open: boolean }> {
  declare conversation: Conversation
  declare close: () => void
  declare returnFocus: boolean
  declare launcher: RefObject<HTMLButtonElement | null>
  declare panel: RefObject<HTMLDivElement | null>
  declare input: RefObject<HTMLTextAreaElement | null>

  constructor(props: Props) {
    super(props)
    this.state = { open: props.inline || props.config.open }
    this.conversation = createConversation(props.config.endpoint, () => this.forceUpdate())
    this.launcher = createRef()
    this.panel = createRef()
    this.input = createRef()
    const setOpen = (open: boolean) => this.setState({ open })
    this.close = () => {
      const panel = this.panel.current
      if (props.inline || !panel) return
      this.returnFocus = panel.contains(activeIn(panel))
      setOpen(false)
    }
    props.actions.current = {
      open: () => (this.state.open ? this.input.current?.focus() : setOpen(true)),
      close: this.close,
      ask: (question) => {
        setOpen(true)
        this.conversation.send(question)
      },
    }
  }

  // Focus moves only on a change, so a widget that starts open does not steal focus from the page.
  override componentDidUpdate(_: Props, previous: { open: boolean }) {
    const { open } = this.state
    if (open && !previous.open) this.input.current?.focus()
    if (!open && this.returnFocus) this.launcher.current?.focus()
    this.returnFocus = false
  }

  override componentWillUnmount() {
    this.conversation.stop()
  }

  render({ config, inline }: Props, { open }: { open: boolean }) {
    const body = (
      <Panel
        title={config.title}
        greeting={config.greeting}
        suggestions={config.suggestions}
        conversation={this.conversation}
        panelRef={this.panel}
        inputRef={this.input}
        onClose={inline ? undefined : this.close}
      />
    )
    if (inline) return <div class="pa inline">{body}</div>
    return (
      <div class={`pa floating ${config.position}`}>
        {open ? body : <Launcher title={config.title} buttonRef={this.launcher} onOpen={() => this.setState({ open: true })} />}
      </div>
    )
  }
}
