import { cleanup, fireEvent, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseConfig, STRING_NAMES } from '../../widget/config'
import { strings as cy } from '../../widget/strings/cy'
import { answerEn, en } from '../../widget/strings/en'
import { answer, citation, json, mockFetch, renderWidget } from './helpers'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

const SCRIPT = 'https://answers.example.org/widget.js'
const catalogue = { ...en, ...answerEn }
const placeholders = (text: string) => text.match(/\{\w+\}/g) ?? []

/** Asks once the panel is there: another language shows once its strings have loaded. */
async function ask(question: string) {
  const box = await screen.findByRole('textbox')
  fireEvent.input(box, { target: { value: question } })
  fireEvent.keyDown(box, { key: 'Enter' })
}

describe('the string catalogue', () => {
  it('lists every name for checking replacements, and nothing else', () => {
    expect([...STRING_NAMES].sort()).toEqual(Object.keys(catalogue).sort())
  })

  it('has a Welsh string for every English one, with the same placeholders', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(catalogue).sort())
    for (const [name, text] of Object.entries(catalogue)) {
      expect(placeholders(cy[name as keyof typeof cy]), name).toEqual(placeholders(text))
      // Empty in English means "not shown"; Welsh says what English needs not (the note, the decline framing).
      if (text) expect(cy[name as keyof typeof cy], name).not.toBe('')
    }
    expect(cy.months.split(' ')).toHaveLength(12)
  })
})

describe('replacing strings', () => {
  it('reads data-strings as JSON and uses it over the catalogue', () => {
    const { config, problems } = parseConfig({ strings: '{"send": "Ask", "placeholder": "Type here"}' }, SCRIPT)
    expect(problems).toEqual([])
    renderWidget({ ...config, open: true })
    expect(screen.getByRole('button', { name: 'Ask' })).toBeTruthy()
    expect(screen.getByPlaceholderText('Type here')).toBeTruthy()
  })

  it('says how to fix data-strings that is not JSON, and keeps the catalogue', () => {
    const { config, problems } = parseConfig({ strings: "{send: 'Ask'}" }, SCRIPT)
    expect(config.strings).toEqual({})
    expect(problems).toEqual([`data-strings="{send: 'Ask'}" is not JSON. Write an object in single quotes, e.g. data-strings='{"send": "Ask"}'.`])
  })

  it('names the strings there are when one is misspelt', () => {
    const { problems } = parseConfig({ strings: '{"sned": "Ask"}' }, SCRIPT)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^data-strings="\{"sned": "Ask"\}" names "sned", which is not a string of the widget\. The names are: title, greeting, /)
    expect(problems[0]).toContain('copyLink')
  })

  it('refuses a replacement that is not text', () => {
    expect(parseConfig({ strings: '{"send": 3}' }, SCRIPT).problems).toEqual(['data-strings="{"send": 3}" gives "send" a value that is not text.'])
  })

  it('replaces strings of the answer view too, and on top of Welsh', async () => {
    mockFetch(json(answer('An answer. [1]', [citation(1, { kind: 'union' })])))
    renderWidget({ open: true, lang: 'cy', strings: { 'kind.union': 'Undeb', send: 'Gofyn' } })
    await ask('What is Napo?')
    await screen.findByText(/An answer/, { selector: '.answer-text' })
    expect(screen.getByRole('button', { name: 'Gofyn' })).toBeTruthy()
    expect(document.querySelector('.source-meta')!.textContent).toBe('Undeb · Publisher 1 · 15 Rhagfyr 2016')
  })
})

describe('the Welsh interface', () => {
  it('is Welsh throughout, while answers and quotes stay marked as English', async () => {
    mockFetch(json(answer('Napo is the probation union. [1]', [citation(1, { kind: 'news', date: '2018-06-22', quote: 'A quote.' })])))
    const { container } = renderWidget({ lang: 'cy' })
    const launcher = await screen.findByRole('button', { name: 'Atebion am y Gwasanaeth Prawf' })
    expect(container.querySelector('.pa')!.getAttribute('lang')).toBe('cy')
    fireEvent.click(launcher)
    expect(screen.getByRole('dialog', { name: 'Atebion am y Gwasanaeth Prawf' })).toBeTruthy()
    expect(screen.getByPlaceholderText('Gofynnwch gwestiwn…')).toBeTruthy()
    expect(screen.getByText(cy.englishNote)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Cau' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Clirio' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Rhowch gynnig ar ofyn' })).toBeTruthy()
    await ask('What is Napo?')
    expect(screen.getByText("Wrthi'n chwilio am ateb…")).toBeTruthy()
    const text = await screen.findByText(/Napo is the probation union/, { selector: '.answer-text' })
    expect(text.getAttribute('lang')).toBe('en')
    expect(container.querySelector('q')!.getAttribute('lang')).toBe('en')
    expect(screen.getByText('Ffynonellau')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Ffynhonnell 1: Source title 1' })).toBeTruthy()
    expect(container.querySelector('.source-meta')!.textContent).toBe('Newyddion · Publisher 1 · 22 Mehefin 2018')
    expect(screen.getByRole('button', { name: 'Oedd, roedd yn ddefnyddiol' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Rhoi gwybod am wall' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Copïo dolen' })).toBeTruthy()
  })

  it('frames a declined answer in Welsh', async () => {
    mockFetch(json(answer('I can only answer questions about probation.', [], { answered: false, suggestions: ['What is Napo?'] })))
    renderWidget({ lang: 'cy', open: true })
    await ask('Who won the world cup?')
    await screen.findByText(cy.declined)
    expect(screen.getByRole('group', { name: 'Gallech ofyn' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'What is Napo?' }).getAttribute('lang')).toBe('en')
  })

  it('explains errors in Welsh', async () => {
    mockFetch(new TypeError('Failed to fetch'))
    renderWidget({ lang: 'cy', open: true })
    await ask('What is Napo?')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(cy.network)
    expect(screen.getByRole('button', { name: 'Rhowch gynnig arall arni' })).toBeTruthy()
  })
})
