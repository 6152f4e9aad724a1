import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answer, citation, ENDPOINT, json, mockFetch, renderWidget, sentBody } from './helpers'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

/** Answers only, not the live region that repeats them. */
const ANSWER = { selector: '.answer-text' }

function ask(question: string) {
  const box = screen.getByLabelText('Your question')
  fireEvent.input(box, { target: { value: question } })
  fireEvent.keyDown(box, { key: 'Enter' })
}

describe('the floating widget', () => {
  it('starts as a launcher button that opens a labelled dialog with the greeting and suggestions', () => {
    renderWidget({ title: 'Ask the campaign', greeting: 'Hello there.', suggestions: ['First?', 'Second?'] })
    expect(screen.queryByRole('dialog')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Ask the campaign' }))
    const dialog = screen.getByRole('dialog', { name: 'Ask the campaign' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(within(dialog).getByText('Hello there.')).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Second?' })).toBeTruthy()
  })

  it('starts open when configured to', () => {
    renderWidget({ open: true })
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('renders inline as a page region without a close button', () => {
    renderWidget({}, true)
    expect(screen.getByRole('region', { name: 'Probation Answers' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull()
  })
})

describe('asking a question', () => {
  it('posts the question to the endpoint and shows a loading indicator until the answer arrives', async () => {
    const fetchFn = mockFetch(json(answer('Twenty-one CRCs were created. [1]')))
    renderWidget({ open: true })
    ask('  How many CRCs?  ')
    expect(screen.getByText('Finding an answer…')).toBeTruthy()
    await screen.findByText(/Twenty-one CRCs were created/, ANSWER)
    expect(screen.queryByText('Finding an answer…')).toBeNull()
    expect(fetchFn.mock.calls[0]?.[0]).toBe(`${ENDPOINT}/api/ask`)
    expect(fetchFn.mock.calls[0]?.[1].method).toBe('POST')
    expect(fetchFn.mock.calls[0]?.[1].credentials).toBe('omit')
    expect(sentBody(fetchFn)).toEqual({ question: 'How many CRCs?' })
    expect((screen.getByLabelText('Your question') as HTMLTextAreaElement).value).toBe('')
  })

  it('turns [n] markers into links to a sources list with title, kind, publisher, date and quote', async () => {
    const cites = [
      citation(1, { title: 'Damning report', publisher: 'A blog', published: '2016-12-15', kind: 'blog' }),
      citation(2, { published: '2017-09', kind: 'parliament' }),
    ]
    mockFetch(json(answer('First fact. [1] Second fact. [2] Not a source [7].', cites)))
    renderWidget({ open: true })
    ask('facts?')
    const link = await screen.findByRole('link', { name: 'Source 1: Damning report' })
    expect(link.textContent).toBe('[1]')
    expect(screen.getByRole('link', { name: 'Source 2: Source title 2' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: /Source 7/ })).toBeNull()
    const source = document.getElementById(link.getAttribute('href')!.slice(1))!
    expect(source.textContent).toContain('Damning report')
    expect(source.querySelector('.source-meta')!.textContent).toBe('Blog · A blog · 15 December 2016')
    expect(source.textContent).toContain('Quoted sentence 1.')
    expect(document.getElementById('a0-source-2')!.querySelector('.source-meta')!.textContent).toBe('Parliament · Publisher 2 · September 2017')
    fireEvent.click(link)
    expect(document.activeElement).toBe(source)
  })

  it('links a source only when its url is http(s), in a new tab without an opener', async () => {
    const cites = [citation(1, { url: 'https://example.org/report' }), citation(2, { url: 'javascript:alert(1)' })]
    mockFetch(json(answer('One. [1] Two. [2]', cites)))
    renderWidget({ open: true })
    ask('links?')
    const links = await screen.findAllByRole('link', { name: /Read the source/ })
    expect(links).toHaveLength(1)
    expect(links[0]!.getAttribute('href')).toBe('https://example.org/report')
    expect(links[0]!.getAttribute('target')).toBe('_blank')
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('shows text from the API as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"><b>bold</b>'
    mockFetch(json(answer(`${hostile} [1]`, [citation(1, { title: hostile, quote: hostile })])))
    const { container } = renderWidget({ open: true })
    ask('markup?')
    await screen.findByRole('link', { name: /Source 1/ })
    expect(container.querySelector('img, b')).toBeNull()
    expect(container.textContent).toContain(hostile)
  })

  it('sends earlier turns as history with a follow-up question', async () => {
    const fetchFn = mockFetch(json(answer('Napo is the probation union. [1]')), json(answer('Ian Lawrence leads it. [1]')))
    renderWidget({ open: true })
    ask('What is Napo?')
    await screen.findByText(/Napo is the probation union/, ANSWER)
    ask('Who leads it?')
    await screen.findByText(/Ian Lawrence leads it/, ANSWER)
    expect(sentBody(fetchFn, 1)).toEqual({
      question: 'Who leads it?',
      history: [{ question: 'What is Napo?', answer: 'Napo is the probation union. [1]' }],
    })
  })

  it('shows the message and suggested questions when nothing answers, and asks a suggestion when chosen', async () => {
    const declined = answer('I can only answer questions about probation.', [], { answered: false, suggestions: ['What were CRCs?', 'Who ran the NPS?'] })
    const fetchFn = mockFetch(json(declined), json(answer('CRCs were companies. [1]')))
    renderWidget({ open: true })
    ask('Who won the world cup?')
    await screen.findByText('I can only answer questions about probation.', ANSWER)
    fireEvent.click(screen.getByRole('button', { name: 'What were CRCs?' }))
    await screen.findByText(/CRCs were companies/, ANSWER)
    expect(sentBody(fetchFn, 1)).toMatchObject({ question: 'What were CRCs?' })
  })

  it('announces each new answer in a polite live region', async () => {
    mockFetch(json(answer('An answer to announce. [1]')))
    const { container } = renderWidget({ open: true })
    ask('announce?')
    await screen.findByRole('link', { name: /Source 1/ })
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe('Answer: An answer to announce. [1]')
  })
})

describe('the conversation in sessionStorage', () => {
  it('survives a remount (a navigation in the tab) and is emptied by Clear', async () => {
    mockFetch(json(answer('Kept across pages. [1]')))
    renderWidget({ open: true })
    ask('remember?')
    await screen.findByText(/Kept across pages/, ANSWER)
    cleanup()
    renderWidget({ open: true })
    expect(await screen.findByText(/Kept across pages/, ANSWER)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.queryByText(/Kept across pages/, ANSWER)).toBeNull()
    expect(sessionStorage.length).toBe(0)
    cleanup()
    renderWidget({ open: true })
    expect(screen.queryByText(/Kept across pages/, ANSWER)).toBeNull()
  })

  it('keeps a typed but unsent question across a remount', () => {
    renderWidget({ open: true })
    fireEvent.input(screen.getByLabelText('Your question'), { target: { value: 'half typed' } })
    cleanup()
    renderWidget({ open: true })
    expect((screen.getByLabelText('Your question') as HTMLTextAreaElement).value).toBe('half typed')
  })
})

describe('the JavaScript API', () => {
  it('opens, asks and closes', async () => {
    const fetchFn = mockFetch(json(answer('Asked from the page. [1]')))
    const { actions } = renderWidget()
    actions.current!.ask('From the page?')
    await screen.findByText(/Asked from the page/, ANSWER)
    expect(screen.getByRole('dialog')).toBeTruthy()
    expect(sentBody(fetchFn)).toEqual({ question: 'From the page?' })
    actions.current!.close()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    actions.current!.open()
    await screen.findByRole('dialog')
  })
})
