/** The kill switch (MAINTENANCE, MAINTENANCE_MESSAGE), in both states, through the real fetch handler. */
import { describe, expect, it } from 'vitest'
import type { ErrorResponse, HealthResponse } from '../../worker/contract'
import { DEFAULT_MAINTENANCE_MESSAGE, MAINTENANCE_RETRY_SECONDS } from '../../worker/middleware/maintenance'
import { askInit, bindings, fetchWith } from './app'
import { expectPage, textsOf } from './html'

const ON = { MAINTENANCE: 'on', MAINTENANCE_MESSAGE: 'We are fixing a mistake in the sources. Back on Monday.' }
const question = { question: 'How much were the CRC contracts worth?' }

async function expectUnavailable(res: Response, message: string) {
  expect(res.status).toBe(503)
  expect(res.headers.get('retry-after')).toBe(String(MAINTENANCE_RETRY_SECONDS))
  const body = (await res.json()) as ErrorResponse
  expect(body.error).toMatchObject({ code: 'unavailable', message })
}

describe('maintenance off', () => {
  it('is off in the shipped configuration', () => {
    expect(bindings.MAINTENANCE).toBeUndefined()
  })

  it('answers questions and reports health "ok" with no message, whatever MAINTENANCE holds but "on"', async () => {
    for (const vars of [{}, { MAINTENANCE: 'off' }, { MAINTENANCE: '' }, { MAINTENANCE_MESSAGE: 'unused' }]) {
      expect((await fetchWith(vars, '/api/ask', askInit(question))).status).toBe(200)
      expect((await fetchWith(vars, '/ask?q=What%20is%20a%20CRC%3F')).status).toBe(200)
      const health = (await (await fetchWith(vars, '/api/health')).json()) as HealthResponse
      expect(health.status).toBe('ok')
      expect(health.message).toBeUndefined()
    }
  })
})

describe('maintenance on', () => {
  it('turns questions to the API away with 503 unavailable, Retry-After and the campaigners\' message', async () => {
    await expectUnavailable(await fetchWith(ON, '/api/ask', askInit(question)), ON.MAINTENANCE_MESSAGE)
    await expectUnavailable(await fetchWith({ MAINTENANCE: ' ON ' }, '/api/ask', askInit(question)), DEFAULT_MAINTENANCE_MESSAGE)
  })

  it('shows the message on the /ask page with status 503 and Retry-After, with or without a question', async () => {
    for (const path of ['/ask?q=What%20is%20a%20CRC%3F', '/ask']) {
      const res = await fetchWith(ON, path)
      expect(res.headers.get('retry-after')).toBe(String(MAINTENANCE_RETRY_SECONDS))
      const html = await expectPage(res, 503)
      expect(await textsOf(html, '.error-message')).toEqual([ON.MAINTENANCE_MESSAGE])
      expect(await textsOf(html, '#answer')).toEqual([])
    }
  })

  it('escapes the message on the page', async () => {
    const html = await expectPage(await fetchWith({ MAINTENANCE: 'on', MAINTENANCE_MESSAGE: '<b>Back</b> soon' }, '/ask'), 503)
    expect(html).not.toContain('<b>')
    expect(await textsOf(html, '.error-message')).toEqual(['<b>Back</b> soon'])
  })

  it('reports "maintenance" and the message in /api/health, the default message when none is set', async () => {
    const health = (await (await fetchWith(ON, '/api/health')).json()) as HealthResponse
    expect(health).toMatchObject({ status: 'maintenance', message: ON.MAINTENANCE_MESSAGE, kb: { version: expect.any(String) } })
    const plain = (await (await fetchWith({ MAINTENANCE: 'on' }, '/api/health')).json()) as HealthResponse
    expect(plain.message).toBe(DEFAULT_MAINTENANCE_MESSAGE)
  })

  it('keeps search up: it only shows the published sources', async () => {
    expect((await fetchWith(ON, '/api/search?q=crc')).status).toBe(200)
  })
})
