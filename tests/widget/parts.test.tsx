/**
 * The parts widget.js loads on demand, when one cannot load: in a file of its
 * own, as parts are loaded once per page (module) and other files load them.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact'
import { afterEach, expect, it, vi } from 'vitest'
import { loader } from '../../widget/parts'
import { answer, json, mockFetch, partFromModule, renderWidget } from './helpers'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  loader.fetch = partFromModule
  sessionStorage.clear()
})

it('loads the answer view again once the browser is back online, so answers show with their sources', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  loader.fetch = (name) => (name === 'answer' ? Promise.reject(new Error('Probation Answers: could not load widget-answer.js')) : partFromModule(name))
  renderWidget({ open: true })
  await vi.waitFor(() => expect(errors).toHaveBeenCalledWith('Probation Answers: could not load widget-answer.js'))
  loader.fetch = partFromModule
  window.dispatchEvent(new Event('online'))
  mockFetch(json(answer('Back online. [1]')))
  const box = screen.getByLabelText('Your question')
  fireEvent.input(box, { target: { value: 'What is Napo?' } })
  fireEvent.keyDown(box, { key: 'Enter' })
  expect(await screen.findByRole('link', { name: /Source 1/ })).toBeTruthy()
})
