import { fireEvent, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ProbationAnswersApi } from '../../widget/embed'
import { answer, ENDPOINT, json, mockFetch, partFromModule } from './helpers'

/** Runs widget.js's entry point afresh, as a script tag would (with no tag to read, so no widget of its own). */
async function include(): Promise<ProbationAnswersApi> {
  vi.resetModules()
  // scripts/build-widget.ts defines it in the bundle.
  vi.stubGlobal('THEME_CSS', '')
  vi.spyOn(console, 'error').mockImplementation(() => {})
  await import('../../widget/embed')
  ;(await import('../../widget/parts')).loader.fetch = partFromModule
  return window.ProbationAnswers!
}

let api: ProbationAnswersApi
beforeEach(async () => {
  api = await include()
})
afterEach(() => {
  window.ProbationAnswers?.destroy()
  document.body.innerHTML = ''
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

const shadowOf = (element: Element) => within(element.querySelector('probation-answers')!.shadowRoot!.firstElementChild as HTMLElement)

function target() {
  const element = document.createElement('section')
  document.body.appendChild(element)
  return element
}

/** The message of what `call` throws. */
function thrown(call: () => unknown): string {
  try {
    call()
  } catch (err) {
    return (err as Error).message
  }
  return 'nothing thrown'
}

describe('ProbationAnswers.mount()', () => {
  it('puts the panel in the element and returns a handle that asks and destroys', async () => {
    const fetchFn = mockFetch(json(answer('Napo is the probation union. [1]')))
    const element = target()
    const handle = api.mount(element, { endpoint: ENDPOINT, title: 'Ask inline', lang: 'en' })
    const panel = shadowOf(element)
    expect(panel.getByRole('region', { name: 'Ask inline' })).toBeTruthy()
    handle.ask('What is Napo?')
    await panel.findByText(/Napo is the probation union/, { selector: '.answer-text' })
    expect(fetchFn.mock.calls[0]?.[0]).toBe(`${ENDPOINT}/api/ask`)
    handle.destroy()
    expect(element.innerHTML).toBe('')
    expect(window.ProbationAnswers).toBe(api)
  })

  it('puts a launcher in a corner with floating: true', () => {
    const element = target()
    const handle = api.mount(element, { endpoint: ENDPOINT, floating: true, position: 'bottom-left', theme: 'dark' })
    const launcher = shadowOf(element).getByRole('button', { name: 'Probation Answers' })
    expect(launcher.closest('.pa')!.className).toBe('pa dark floating bottom-left')
    handle.open()
    return waitFor(() => expect(shadowOf(element).getByRole('dialog')).toBeTruthy())
  })

  it('throws on a bad option, saying how to fix it', () => {
    const element = target()
    const mount = (options: object) => thrown(() => api.mount(element, { endpoint: ENDPOINT, ...options }))
    expect(mount({ colour: 'red' })).toBe(
      'Probation Answers: colour: "red" is not an option. The options are: endpoint, title, greeting, accent, position, suggestions, open, lang, theme, strings, floating.',
    )
    expect(mount({ position: 'middle' })).toBe('Probation Answers: position: "middle" is not a position. Use "bottom-right" or "bottom-left".')
    expect(mount({ lang: 'fr' })).toBe('Probation Answers: lang: "fr" is not a language. Use "en" or "cy".')
    expect(mount({ theme: 'blue' })).toBe('Probation Answers: theme: "blue" is not a theme. Use "light" or "dark" or "auto".')
    expect(mount({ floating: 'yes' })).toBe('Probation Answers: floating: "yes" is not true or false.')
    expect(mount({ strings: { sned: 'Ask' } })).toMatch(/^Probation Answers: strings: \{"sned":"Ask"\} names "sned", which is not a string of the widget\. The names are: /)
    expect(mount({ endpoint: 'ftp://example.org' })).toBe(
      'Probation Answers: endpoint: "ftp://example.org" is not an http(s) URL. Use the Worker\'s origin, e.g. "https://answers.example.org".',
    )
    // happy-dom accepts any colour; Chromium's answer is checked in tests/widget/e2e.
    vi.stubGlobal('CSS', { supports: () => false })
    expect(mount({ accent: 'blurple' })).toBe('Probation Answers: accent: "blurple" is not a CSS colour. Use e.g. "#1d4ed8".')
    expect(element.innerHTML).toBe('')
  })

  it('throws when not given an element to put the widget in', () => {
    expect(thrown(() => api.mount('#ask' as unknown as Element, { endpoint: ENDPOINT }))).toBe(
      'Probation Answers: mount() needs the element to put the widget in, e.g. mount(document.querySelector("#ask"), { lang: "cy" }).',
    )
  })

  it('throws when it cannot tell where the Worker is', () => {
    expect(thrown(() => api.mount(target(), {}))).toContain('Cannot tell where the Worker is.')
  })

  it('refuses an empty question with how to ask one', () => {
    const handle = api.mount(target(), { endpoint: ENDPOINT })
    expect(thrown(() => handle.ask('  '))).toBe('Probation Answers: ask() needs the question as a non-empty string, e.g. ask("What is Napo?").')
  })
})

describe('ProbationAnswers.destroy()', () => {
  it('removes every widget and the global, so including the script again mounts afresh', async () => {
    const first = target()
    const second = target()
    api.mount(first, { endpoint: ENDPOINT })
    // Another Worker's widget: one conversation per Worker in the tab's storage.
    api.mount(second, { endpoint: 'https://other.example.org', floating: true, open: true })
    fireEvent.input(shadowOf(first).getByRole('textbox'), { target: { value: 'Half typed' } })
    await waitFor(() => expect(sessionStorage.length).toBe(1))
    api.destroy()
    expect(first.innerHTML + second.innerHTML).toBe('')
    expect(window.ProbationAnswers).toBeUndefined()

    const again = await include()
    expect(again).not.toBe(api)
    const third = target()
    again.mount(third, { endpoint: ENDPOINT })
    // The conversation, kept in the tab's sessionStorage, outlives the widget.
    expect((shadowOf(third).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Half typed')
  })
})
