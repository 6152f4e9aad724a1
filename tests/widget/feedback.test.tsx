import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { storageKey } from '../../widget/store'
import { answer, ENDPOINT, json, mockFetch, renderWidget, sentBody } from './helpers'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

const ANSWER_ID = '3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69'

/** Renders the widget and asks one question, whose scripted answer is the first fetch reply. */
async function answered() {
  renderWidget({ open: true })
  const box = screen.getByLabelText('Your question')
  fireEvent.input(box, { target: { value: 'How many CRCs?' } })
  fireEvent.keyDown(box, { key: 'Enter' })
  await screen.findByText(/Twenty-one CRCs|I don't know/, { selector: '.answer-text' })
}

const yes = () => screen.getByRole('button', { name: 'Yes, helpful' })
const no = () => screen.getByRole('button', { name: 'No, not helpful' })
const status = () => screen.getByRole('group', { name: 'Was this helpful?' }).querySelector('[role=status]')!

describe('feedback on an answer', () => {
  it('sends only the answerId and the verdict, then thanks the visitor politely', async () => {
    const fetchFn = mockFetch(json(answer('Twenty-one CRCs. [1]', undefined, { answerId: ANSWER_ID })), json({ answerId: ANSWER_ID, helpful: true }))
    await answered()
    expect(yes().getAttribute('aria-pressed')).toBe('false')
    expect(status().textContent).toBe('')
    fireEvent.click(yes())
    await waitFor(() => expect(status().textContent).toBe('Thanks for your feedback'))
    expect(fetchFn.mock.calls[1]?.[0]).toBe(`${ENDPOINT}/api/feedback`)
    expect(fetchFn.mock.calls[1]?.[1]).toMatchObject({ method: 'POST', credentials: 'omit' })
    expect(sentBody(fetchFn, 1)).toEqual({ answerId: ANSWER_ID, helpful: true })
    expect(yes().getAttribute('aria-pressed')).toBe('true')
    expect(no().getAttribute('aria-pressed')).toBe('false')
  })

  it('is offered under a declined answer too', async () => {
    mockFetch(json(answer("I don't know.", [], { answerId: ANSWER_ID, answered: false, suggestions: ['What is Napo?'] })))
    await answered()
    expect(no()).toBeTruthy()
  })

  it('lets the visitor change their vote, and keeps it across a remount', async () => {
    const fetchFn = mockFetch(
      json(answer('Twenty-one CRCs. [1]', undefined, { answerId: ANSWER_ID })),
      json({ answerId: ANSWER_ID, helpful: true }),
      json({ answerId: ANSWER_ID, helpful: false }),
    )
    await answered()
    fireEvent.click(yes())
    await waitFor(() => expect(yes().getAttribute('aria-pressed')).toBe('true'))
    fireEvent.click(no())
    await waitFor(() => expect(no().getAttribute('aria-pressed')).toBe('true'))
    expect(yes().getAttribute('aria-pressed')).toBe('false')
    expect(sentBody(fetchFn, 2)).toEqual({ answerId: ANSWER_ID, helpful: false })
    await waitFor(() => expect(sessionStorage.getItem(storageKey(ENDPOINT))).toContain('"helpful":false'))
    cleanup()
    renderWidget({ open: true })
    expect((await screen.findByRole('button', { name: 'No, not helpful' })).getAttribute('aria-pressed')).toBe('true')
    expect(status().textContent).toBe('Thanks for your feedback')
  })

  it('explains a failed send and leaves the buttons usable for another try', async () => {
    const fetchFn = mockFetch(
      json(answer('Twenty-one CRCs. [1]', undefined, { answerId: ANSWER_ID })),
      new TypeError('Failed to fetch'),
      json({ answerId: ANSWER_ID, helpful: false }),
    )
    await answered()
    fireEvent.click(no())
    await waitFor(() => expect(status().textContent).toBe("Sorry, that didn't send. Please try again."))
    expect(no().getAttribute('aria-pressed')).toBe('false')
    expect((no() as HTMLButtonElement).disabled).toBe(false)
    fireEvent.click(no())
    await waitFor(() => expect(status().textContent).toBe('Thanks for your feedback'))
    expect(no().getAttribute('aria-pressed')).toBe('true')
    expect(fetchFn).toHaveBeenCalledTimes(3)
  })

  it('is not offered for an answer without an answerId', async () => {
    mockFetch(json(answer('Twenty-one CRCs. [1]', undefined, { answerId: '' })))
    await answered()
    expect(screen.queryByRole('group', { name: 'Was this helpful?' })).toBeNull()
  })
})
