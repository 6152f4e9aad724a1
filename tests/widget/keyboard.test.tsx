import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answer, json, mockFetch, renderWidget } from './helpers'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

const questionBox = () => screen.getByLabelText('Your question') as HTMLTextAreaElement

describe('keyboard use', () => {
  it('moves focus into the question box when the launcher opens the panel', () => {
    renderWidget()
    fireEvent.click(screen.getByRole('button', { name: 'Probation Answers' }))
    expect(document.activeElement).toBe(questionBox())
  })

  it('closes on Escape and returns focus to the launcher', () => {
    renderWidget()
    fireEvent.click(screen.getByRole('button', { name: 'Probation Answers' }))
    fireEvent.keyDown(questionBox(), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Probation Answers' }))
  })

  it('keeps Tab and Shift+Tab cycling inside the open dialog', () => {
    renderWidget({ open: true })
    const dialog = screen.getByRole('dialog')
    const close = screen.getByRole('button', { name: 'Close' })
    const send = screen.getByRole('button', { name: 'Send' })
    send.focus()
    fireEvent.keyDown(send, { key: 'Tab' })
    expect(document.activeElement).toBe(close)
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(send)
    expect(dialog.contains(document.activeElement)).toBe(true)
  })

  it('sends on Enter but starts a new line on Shift+Enter', async () => {
    const fetchFn = mockFetch(json(answer('Sent. [1]')))
    renderWidget({ open: true })
    fireEvent.input(questionBox(), { target: { value: 'line one' } })
    const shiftEnter = fireEvent.keyDown(questionBox(), { key: 'Enter', shiftKey: true })
    expect(shiftEnter).toBe(true)
    expect(fetchFn).not.toHaveBeenCalled()
    fireEvent.keyDown(questionBox(), { key: 'Enter' })
    await waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(1))
    await screen.findByText(/Sent\./, { selector: '.answer-text' })
  })

  it('does not send an empty question', () => {
    const fetchFn = mockFetch()
    renderWidget({ open: true })
    fireEvent.input(questionBox(), { target: { value: '   ' } })
    fireEvent.keyDown(questionBox(), { key: 'Enter' })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(fetchFn).not.toHaveBeenCalled()
  })
})

describe('focus after a button does its work', () => {
  it('stays in the panel when a suggestion, Try again or Clear is used', async () => {
    mockFetch(new TypeError('Failed to fetch'), json(answer('Answered. [1]')))
    renderWidget({ open: true, suggestions: ['Suggested?'] })
    const dialog = screen.getByRole('dialog')
    fireEvent.click(screen.getByRole('button', { name: 'Suggested?' }))
    expect(document.activeElement).toBe(questionBox())
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(document.activeElement).toBe(questionBox())
    await screen.findByText(/Answered\./, { selector: '.answer-text' })
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(document.activeElement).toBe(questionBox())
    expect(dialog.contains(document.activeElement)).toBe(true)
  })
})
