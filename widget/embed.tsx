/**
 * Entry point of widget.js. Reads the script tag's data attributes, mounts the
 * widget in a Shadow DOM (floating, or inline into <div data-probation-answers>)
 * and exposes window.ProbationAnswers: the first widget's actions, mount() for
 * more, and destroy() to take everything away again.
 */
import { render } from 'preact'
import { parseConfig, type Options, type WidgetConfig } from './config'
import { Widget, type Actions } from './components/Widget'
import { addStyles, setBase } from './parts'
import css from './styles.css'

/** The themes' colours as CSS, written by scripts/build-widget.ts from widget/theme.ts. */
declare const THEME_CSS: string

/** One widget on the page. */
export interface Handle {
  open(): void
  close(): void
  ask(question: string): void
  /** Removes the widget; the conversation stays in the tab's sessionStorage. */
  destroy(): void
}

export interface ProbationAnswersApi extends Handle {
  /** Puts a widget in `element`: the panel itself, or with `floating: true` a launcher in a corner. Throws on a bad option. */
  mount(element: Element, options?: Options): Handle
  /** Removes every widget this script added, and window.ProbationAnswers, so the script can be included again. */
  destroy(): void
}

declare global {
  interface Window {
    ProbationAnswers?: ProbationAnswersApi
  }
}

const NAME = 'Probation Answers'
// Only readable while the script first runs, so captured before anything waits.
const script = document.currentScript as HTMLScriptElement | null
setBase(script?.src)
const widgets = new Set<Handle>()

function create(parent: Element, config: WidgetConfig, inline: boolean): Handle {
  // A host of its own, so destroy() leaves the page's elements exactly as they were.
  const host = parent.appendChild(document.createElement('probation-answers'))
  const shadow = host.attachShadow({ mode: 'open' })
  addStyles(shadow, css + THEME_CSS + (config.accent ? `.pa{--pa-accent:${config.accent}}` : ''))
  const actions: { current?: Actions } = {}
  render(<Widget config={config} inline={inline} actions={actions} />, shadow)
  const handle: Handle = {
    open: () => actions.current?.open(),
    close: () => actions.current?.close(),
    ask(question) {
      if (typeof question !== 'string' || !question.trim()) {
        throw new TypeError(`${NAME}: ask() needs the question as a non-empty string, e.g. ask("What is Napo?").`)
      }
      actions.current?.ask(question)
    },
    destroy() {
      // Unmounting runs every effect's cleanup: requests in flight are aborted and their timers cleared.
      render(null, shadow)
      host.remove()
      widgets.delete(handle)
    },
  }
  widgets.add(handle)
  return handle
}

function start() {
  if (window.ProbationAnswers) {
    console.warn(`${NAME}: widget.js is included more than once; only the first copy is used.`)
    return
  }
  const inlineHost = document.querySelector<HTMLElement>('[data-probation-answers]')
  const { config, problems } = parseConfig({ ...script?.dataset, ...inlineHost?.dataset }, script?.src)
  for (const problem of problems) console.error(`${NAME}: ${problem}`)
  // data-mount="manual": the page mounts its widgets itself.
  const first = config.endpoint && script?.dataset.mount !== 'manual' ? create(inlineHost ?? document.body, config, !!inlineHost) : undefined

  window.ProbationAnswers = {
    // The first widget's open, close and ask (none with data-mount="manual").
    ...first!,
    mount(element, options) {
      if (!(element instanceof Element)) {
        throw new TypeError(`${NAME}: mount() needs the element to put the widget in, e.g. mount(document.querySelector("#ask"), { lang: "cy" }).`)
      }
      const { config, floating, problems } = parseConfig(Object(options), script?.src, true)
      if (problems[0]) throw new Error(`${NAME}: ${problems[0]}`)
      return create(element, config, !floating)
    },
    destroy() {
      for (const widget of widgets) widget.destroy()
      delete window.ProbationAnswers
    },
  }
  document.dispatchEvent(new CustomEvent('probation-answers:ready'))
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true })
else start()
