import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answer, ENDPOINT, json, mockFetch, renderWidget, sentBody } from './helpers'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

const ANSWER_ID = '3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69'
const PERMALINK = 'https://answers.example.org/ask?a=3f1c2a9e'

/** Renders the widget and asks one question, whose scripted answer is the first fetch reply. */
async function answered() {
  renderWidget({ open: true })
  const box = screen.getByLabelText('Your question')
  fireEvent.input(box, { target: { value: 'How many CRCs?' } })
  fireEvent.keyDown(box, { key: 'Enter' })
  await screen.findByText(/Twenty-one CRCs/, { selector: '.answer-text' })
}

const reply = (extra = {}) => json(answer('Twenty-one CRCs. [1]', undefined, { answerId: ANSWER_ID, permalink: PERMALINK, ...extra }))
const copyButton = () => screen.getByRole('button', { name: 'Copy link' })

describe('Copy link', () => {
  it("copies the answer's permalink and says so in a live region", async () => {
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    mockFetch(reply())
    await answered()
    fireEvent.click(copyButton())
    const status = within(copyButton().parentElement!).getByRole('status')
    await waitFor(() => expect(status.textContent).toBe('Link copied'))
    expect(writeText).toHaveBeenCalledWith(PERMALINK)
  })

  it('shows the link selected, to copy by hand, where the clipboard cannot be written', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    mockFetch(reply())
    await answered()
    fireEvent.click(copyButton())
    const field = screen.getByRole('textbox', { name: /Link to this answer/ }) as HTMLInputElement
    expect(field.value).toBe(PERMALINK)
    expect(field.readOnly).toBe(true)
    expect(document.activeElement).toBe(field)
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, PERMALINK.length])
  })

  it('falls back to the selected link when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('NotAllowedError')) } })
    mockFetch(reply())
    await answered()
    fireEvent.click(copyButton())
    expect(((await screen.findByRole('textbox', { name: /Link to this answer/ })) as HTMLInputElement).value).toBe(PERMALINK)
  })

  it('is not offered when the answer has no permalink', async () => {
    mockFetch(reply({ permalink: '' }))
    await answered()
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Report an inaccuracy' })).toBeTruthy()
  })
})

describe('Report an inaccuracy', () => {
  const open = () => fireEvent.click(screen.getByRole('button', { name: 'Report an inaccuracy' }))
  const form = () => screen.getByRole('form', { name: 'What is wrong with this answer?' })

  it('sends the answer id, the chosen reason and the note, then thanks the visitor', async () => {
    const fetchFn = mockFetch(reply(), json({ reportId: 'r1' }))
    await answered()
    open()
    expect(screen.getByRole('button', { name: 'Report an inaccuracy' }).getAttribute('aria-expanded')).toBe('true')
    const reason = within(form()).getByRole('combobox', { name: 'Reason' }) as unknown as HTMLSelectElement
    expect(document.activeElement).toBe(reason)
    expect([...reason.options].map((o) => o.textContent)).toEqual(['It is inaccurate', 'It is out of date', 'A source is missing', 'Something else'])
    fireEvent.change(reason, { target: { value: 'out_of_date' } })
    const note = within(form()).getByRole('textbox', { name: 'Note (optional)' }) as HTMLTextAreaElement
    expect(note.maxLength).toBe(500)
    expect(note.getAttribute('aria-describedby')).toBe('a0-report-hint')
    fireEvent.input(note, { target: { value: '  The contracts ended in 2021.  ' } })
    fireEvent.click(within(form()).getByRole('button', { name: 'Send report' }))
    const thanks = await screen.findByText('Thank you. We will check this answer against its sources.')
    expect(document.activeElement).toBe(thanks)
    expect(screen.queryByRole('form')).toBeNull()
    expect(fetchFn.mock.calls[1]?.[0]).toBe(`${ENDPOINT}/api/report`)
    expect(fetchFn.mock.calls[1]?.[1]).toMatchObject({ method: 'POST', credentials: 'omit' })
    expect(sentBody(fetchFn, 1)).toEqual({ answerId: ANSWER_ID, reason: 'out_of_date', note: 'The contracts ended in 2021.' })
  })

  it('leaves the note out when there is none', async () => {
    const fetchFn = mockFetch(reply(), json({ reportId: 'r1' }))
    await answered()
    open()
    fireEvent.submit(form())
    await screen.findByText(/Thank you/)
    expect(sentBody(fetchFn, 1)).toEqual({ answerId: ANSWER_ID, reason: 'inaccurate' })
  })

  it('explains a failed send and keeps what was written for another try', async () => {
    const fetchFn = mockFetch(reply(), new TypeError('Failed to fetch'), json({ reportId: 'r1' }))
    await answered()
    open()
    const note = within(form()).getByRole('textbox', { name: 'Note (optional)' }) as HTMLTextAreaElement
    fireEvent.input(note, { target: { value: 'Wrong figure' } })
    fireEvent.submit(form())
    expect((await within(form()).findByRole('alert')).textContent).toBe("Sorry, the report didn't send. Please try again.")
    expect(note.value).toBe('Wrong figure')
    fireEvent.submit(form())
    await screen.findByText(/Thank you/)
    expect(sentBody(fetchFn, 2)).toEqual({ answerId: ANSWER_ID, reason: 'inaccurate', note: 'Wrong figure' })
  })

  it('closes on Cancel and gives focus back to the button that opened it', async () => {
    const fetchFn = mockFetch(reply())
    await answered()
    open()
    fireEvent.click(within(form()).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('form')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Report an inaccuracy' }))
    expect(fetchFn).toHaveBeenCalledTimes(1)
  })
})
