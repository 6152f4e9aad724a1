/**
 * Entry point of widget.js. Reads the script tag's data attributes, mounts the
 * widget in a Shadow DOM (floating, or inline into <div data-probation-answers>)
 * and exposes window.ProbationAnswers.
 */
import { render } from 'preact'
import { parseConfig } from './config'
import { Widget, type Actions } from './components/Widget'
import css from './styles.css'

export interface ProbationAnswersApi {
  open(): void
  close(): void
  ask(question: string): void
}

declare global {
  interface Window {
    ProbationAnswers?: ProbationAnswersApi
  }
}

const NAME = 'Probation Answers'
// Only readable while the script first runs, so captured before anything waits.
const script = document.currentScript as HTMLScriptElement | null

function mount() {
  if (window.ProbationAnswers) {
    console.warn(`${NAME}: widget.js is included more than once; only the first copy is used.`)
    return
  }
  const inlineHost = document.querySelector<HTMLElement>('[data-probation-answers]')
  const { config, problems } = parseConfig({ ...script?.dataset, ...inlineHost?.dataset }, script?.src)
  for (const problem of problems) console.error(`${NAME}: ${problem}`)
  if (!config.endpoint) return

  const host = inlineHost ?? document.body.appendChild(document.createElement('probation-answers'))
  const shadow = host.attachShadow({ mode: 'open' })
  adoptStyles(shadow, config.accent ? `${css}.pa{--pa-accent:${config.accent}}` : css)

  const actions: { current?: Actions } = {}
  render(<Widget config={config} inline={!!inlineHost} actions={actions} />, shadow)

  window.ProbationAnswers = {
    open: () => actions.current?.open(),
    close: () => actions.current?.close(),
    ask(question) {
      if (typeof question !== 'string' || !question.trim()) {
        throw new TypeError(`${NAME}: ask() needs the question as a non-empty string, e.g. ProbationAnswers.ask("What was Transforming Rehabilitation?").`)
      }
      actions.current?.ask(question)
    },
  }
  document.dispatchEvent(new CustomEvent('probation-answers:ready'))
}

/**
 * Constructable stylesheets are not subject to a page's style-src CSP; the
 * <style> fallback (older browsers) needs style-src to allow it. Browsers
 * shipped replaceSync and adoptedStyleSheets together, so one check is enough.
 */
function adoptStyles(shadow: ShadowRoot, text: string) {
  if ('replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(text)
    shadow.adoptedStyleSheets = [sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = text
    shadow.append(style)
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true })
else mount()
