import { cleanup, fireEvent, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answer, json, mockFetch, renderWidget, sentBody } from './helpers'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

function ask(question: string) {
  const box = screen.getByLabelText('Your question')
  fireEvent.input(box, { target: { value: question } })
  fireEvent.keyDown(box, { key: 'Enter' })
}

const questionBox = () => screen.getByLabelText('Your question') as HTMLTextAreaElement

describe('while the service is switched off', () => {
  const MESSAGE = 'Probation Answers is paused while we update our sources. Back on Monday.'

  it("shows the campaigners' message instead of an error, with no retry, and keeps the question", async () => {
    mockFetch(json({ error: { code: 'unavailable', message: MESSAGE, requestId: 'r1' } }, 503))
    renderWidget({ open: true })
    ask('What is Napo?')
    const notice = await screen.findByText(MESSAGE)
    expect(notice.closest('[role=status]')).toBeTruthy()
    expect(notice.getAttribute('lang')).toBe('en')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(questionBox().value).toBe('What is Napo?')
  })

  it('treats any other 503 as a server error to retry', async () => {
    mockFetch(new Response('Service Unavailable', { status: 503 }))
    renderWidget({ open: true })
    ask('What is Napo?')
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on our side')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})

describe('when asking fails', () => {
  it('explains a network failure, keeps the question and answers it on retry', async () => {
    const fetchFn = mockFetch(new TypeError('Failed to fetch'), json(answer('Now it works. [1]')))
    renderWidget({ open: true })
    ask('Will this survive?')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain("We couldn't reach Probation Answers")
    expect(questionBox().value).toBe('Will this survive?')
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByText(/Now it works/, { selector: '.answer-text' })
    expect(sentBody(fetchFn, 1)).toEqual({ question: 'Will this survive?' })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(questionBox().value).toBe('')
  })

  it('gives up after 15 seconds with a timeout message and a retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    mockFetch('hang')
    renderWidget({ open: true })
    ask('Slow question?')
    await vi.advanceTimersByTimeAsync(14_900)
    expect(screen.queryByRole('alert')).toBeNull()
    await vi.advanceTimersByTimeAsync(200)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('took too long')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
    expect(questionBox().value).toBe('Slow question?')
  })

  it('asks the visitor to wait when rate limited, using Retry-After', async () => {
    mockFetch(json({ error: { code: 'rate_limited', message: 'Too many requests.' } }, 429, { 'retry-after': '20' }))
    renderWidget({ open: true })
    ask('Again?')
    expect((await screen.findByRole('alert')).textContent).toContain('Please try again in 20 seconds.')
  })

  it('reports a server error in plain English, not the raw response', async () => {
    mockFetch(new Response('<html>Bad gateway</html>', { status: 502 }))
    renderWidget({ open: true })
    ask('Broken?')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Something went wrong on our side')
    expect(alert.textContent).not.toContain('Bad gateway')
  })

  it('shows why a question was rejected, without a retry that would fail again', async () => {
    mockFetch(json({ error: { code: 'bad_request', message: '"question" must be at most 500 characters.' } }, 400))
    renderWidget({ open: true })
    ask('Rejected?')
    expect((await screen.findByRole('alert')).textContent).toContain('"question" must be at most 500 characters.')
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(questionBox().value).toBe('Rejected?')
  })

  it('does not overwrite what the visitor typed while the failed request was in flight', async () => {
    mockFetch(new TypeError('Failed to fetch'))
    renderWidget({ open: true })
    ask('First question')
    fireEvent.input(questionBox(), { target: { value: 'Second thought' } })
    await screen.findByRole('alert')
    expect(questionBox().value).toBe('Second thought')
    expect(screen.getByText('First question', { selector: '.user' })).toBeTruthy()
  })
})
