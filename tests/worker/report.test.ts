/**
 * POST /api/report: visitors' reports that an answer is wrong, stored in the
 * real local D1 database with what maintainers need to check them, and the
 * kb:report query that lists them.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LIMITS, REPORT_REASONS, type AskResponse, type ErrorResponse, type ReportResponse } from '../../worker/contract'
import { reportedSql, type ReportedRow } from '../../worker/feedback/report'
import handler from '../../worker/index'
import { bundledKb } from '../../worker/kb/bundled'
import { askInit, fetchWith, freshIp, inOneWindow } from './app'
import { expectError, fetchSettled, get, jsonRequest, postJson } from './helpers'

const DAY = 24 * 60 * 60 * 1000

async function ask(question: string, headers: Record<string, string> = {}): Promise<AskResponse> {
  const res = await fetchSettled(jsonRequest('/api/ask', { question }, headers))
  expect(res.status).toBe(200)
  return (await res.json()) as AskResponse
}

async function report(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetchSettled(jsonRequest('/api/report', body, headers))
}

async function reportRows() {
  return (await env.DB.prepare('SELECT * FROM reports').all<Record<string, unknown>>()).results
}

beforeEach(async () => {
  await env.DB.batch([env.DB.prepare('DELETE FROM reports'), env.DB.prepare('DELETE FROM feedback'), env.DB.prepare('DELETE FROM answers')])
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('POST /api/report', () => {
  it('stores the report with the answer\'s scrubbed question, KB version and cited passages, and nothing about the visitor', async () => {
    const visitor = { 'cf-connecting-ip': '203.0.113.77', cookie: 'session=xyz', 'user-agent': 'Reporter/2.0' }
    const answer = await ask('How much were the CRC contracts worth? My case no. 98765', visitor)
    const res = await report({ answerId: answer.answerId, reason: 'inaccurate', note: '  The figure is wrong; call me on 020 7946 0958 ' }, visitor)
    expect(res.status).toBe(200)
    const { reportId } = (await res.json()) as ReportResponse
    expect(reportId).toMatch(/^[0-9a-f-]{36}$/)

    const rows = await reportRows()
    expect(rows).toEqual([
      {
        id: reportId,
        answer_id: answer.answerId,
        created_at: expect.any(Number),
        reason: 'inaccurate',
        note: 'The figure is wrong; call me on [phone]',
        question: 'How much were the CRC contracts worth? My case no. [reference]',
        answer: answer.answer,
        kb_version: bundledKb().info.version,
        passage_ids: JSON.stringify(answer.citations.map((c) => c.passageId)),
      },
    ])
    // Not the ids, the time or the KB version: generated, they may hold any run of digits by chance.
    const stored = JSON.stringify(rows.map(({ id, answer_id, created_at, kb_version, ...rest }) => rest))
    for (const personal of [...Object.values(visitor), '98765', '7946']) expect(stored).not.toContain(personal)
  })

  it('takes every documented reason, with or without a note', async () => {
    for (const reason of REPORT_REASONS) {
      const { answerId } = await ask('Who is Glenys Stacey?')
      expect((await report({ answerId, reason })).status, reason).toBe(200)
    }
    expect((await reportRows()).map((r) => [r.reason, r.note])).toEqual(REPORT_REASONS.map((r) => [r, null]))
  })

  it('replaces the reason and note when the same answer is reported again, keeping its reportId', async () => {
    const { answerId } = await ask('How much were the CRC contracts worth?')
    const first = (await (await report({ answerId, reason: 'other', note: 'hmm' })).json()) as ReportResponse
    const again = (await (await report({ answerId: answerId.toUpperCase(), reason: 'out_of_date' })).json()) as ReportResponse
    expect(again.reportId).toBe(first.reportId)
    expect((await reportRows()).map((r) => [r.id, r.reason, r.note])).toEqual([[first.reportId, 'out_of_date', null]])
  })

  it('accepts a report sent at once after the answer, before the answer is written', async () => {
    // postJson does not wait for the work the Worker defers, so the answer may still be queued.
    const res = await postJson('/api/ask', { question: 'Who inspected probation services in 2016?' })
    const { answerId } = (await res.json()) as AskResponse
    expect((await report({ answerId, reason: 'missing_source' })).status).toBe(200)
  })

  it('answers 404 for an answerId it never gave and stores nothing', async () => {
    await expectError(await report({ answerId: crypto.randomUUID(), reason: 'inaccurate' }), 404, 'not_found')
    expect(await reportRows()).toEqual([])
  })

  it('rejects bad input with 400 and a JSON error, and stores nothing', async () => {
    const { answerId } = await ask('who won the world cup')
    const bad: unknown[] = [
      {},
      [],
      'null',
      { reason: 'inaccurate' },
      { answerId: 'abc', reason: 'inaccurate' },
      { answerId },
      { answerId, reason: 'wrong' },
      { answerId, reason: 'INACCURATE' },
      { answerId, reason: 3 },
      { answerId, reason: 'other', note: 5 },
      { answerId, reason: 'other', note: 'x'.repeat(LIMITS.reportNoteChars + 1) },
    ]
    for (const body of bad) await expectError(await report(body), 400, 'bad_request')
    await expectError(await report('{"answerId": '), 400, 'invalid_json')
    await expectError(await report({ answerId, reason: 'other' }, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type')
    await expectError(await report({ answerId, reason: 'other', note: 'x'.repeat(9000) }), 413, 'payload_too_large')
    const res = await get('/api/report')
    await expectError(res, 405, 'method_not_allowed')
    expect(res.headers.get('allow')).toBe('POST')
    expect(await reportRows()).toEqual([])
  })

  it('counts the note\'s length after normalisation', async () => {
    const { answerId } = await ask('who won the world cup')
    const note = `${'\u0000'.repeat(50)}${'y'.repeat(LIMITS.reportNoteChars)}   `
    expect((await report({ answerId, reason: 'other', note })).status).toBe(200)
  })

  it('counts reports with feedback, 30 writes a minute per client, then 429 with Retry-After', async () => {
    const { answerId } = await ask('How much were the CRC contracts worth?')
    const { statuses, limited, feedback, asked } = await inOneWindow(async (ip) => {
      const headers = { 'cf-connecting-ip': ip }
      const statuses = new Set<number>()
      for (let i = 0; i < 15; i++) statuses.add((await fetchWith({}, '/api/feedback', askInit({ answerId, helpful: i % 2 === 0 }, headers))).status)
      for (let i = 0; i < 15; i++) statuses.add((await fetchWith({}, '/api/report', askInit({ answerId, reason: 'other' }, headers))).status)
      const limited = await fetchWith({}, '/api/report', askInit({ answerId, reason: 'other' }, headers))
      const feedback = (await fetchWith({}, '/api/feedback', askInit({ answerId, helpful: true }, headers))).status
      const asked = (await fetchWith({}, '/api/ask', askInit({ question: 'What is a CRC?' }, headers))).status
      return { statuses, limited, feedback, asked }
    })
    expect([...statuses]).toEqual([200])
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(((await limited.json()) as ErrorResponse).error.code).toBe('rate_limited')
    expect([feedback, asked]).toEqual([429, 200])
    expect((await fetchWith({}, '/api/report', askInit({ answerId, reason: 'other' }, { 'cf-connecting-ip': freshIp() }))).status).toBe(200)
  })

  it('is deleted by the retention job after RETENTION_DAYS', async () => {
    const now = Date.UTC(2026, 10, 26, 3, 17)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(now - 10 * DAY)
    const old = await ask('How much were the CRC contracts worth?')
    await report({ answerId: old.answerId, reason: 'inaccurate' })
    vi.setSystemTime(now - 2 * DAY)
    const recent = await ask('Who is Glenys Stacey?')
    await report({ answerId: recent.answerId, reason: 'other' })
    vi.useRealTimers()

    const log = vi.spyOn(console, 'log')
    const ctx = createExecutionContext()
    await handler.scheduled(createScheduledController({ scheduledTime: now, cron: '17 3 * * *' }), { ...env, RETENTION_DAYS: '7' }, ctx)
    await waitOnExecutionContext(ctx)
    expect((await reportRows()).map((r) => r.answer_id)).toEqual([recent.answerId])
    expect(log).toHaveBeenCalledWith('retention: deleted 1 answers, 0 feedback rows and 1 reports older than 7 days')
  })
})

describe('the reports query of kb:report', () => {
  it('lists the answers reported most often with their reasons, notes and KB versions', async () => {
    const contracts = [await ask('How much were the CRC contracts worth?'), await ask('How much were the CRC contracts worth?')]
    const other = await ask('Who is Glenys Stacey?')
    await report({ answerId: contracts[0]?.answerId, reason: 'inaccurate', note: 'wrong figure' })
    await report({ answerId: contracts[1]?.answerId, reason: 'out_of_date' })
    await report({ answerId: other.answerId, reason: 'other' })
    const { results } = await env.DB.prepare(reportedSql({ limit: 10, since: 0 })).all<ReportedRow>()
    expect(results.map((r) => r.answer)).toEqual([contracts[0]?.answer, other.answer])
    expect(results[0]).toMatchObject({
      reports: 2,
      notes: 'wrong figure',
      kb_versions: bundledKb().info.version,
      example_question: 'How much were the CRC contracts worth?',
    })
    expect(results[0]?.reasons.split(',').sort()).toEqual(['inaccurate', 'out_of_date'])
    expect(() => reportedSql({ limit: -1, since: 0 })).toThrow(/whole number/)
  })
})

describe('maintenance', () => {
  it('turns reports away with 503 unavailable while MAINTENANCE is on, and takes them when it is off', async () => {
    const { answerId } = await ask('How much were the CRC contracts worth?')
    const off = await fetchWith({}, '/api/report', askInit({ answerId, reason: 'other' }))
    expect(off.status).toBe(200)
    const on = await fetchWith({ MAINTENANCE: 'on', MAINTENANCE_MESSAGE: 'Closed for repairs.' }, '/api/report', askInit({ answerId, reason: 'other' }))
    expect(on.status).toBe(503)
    expect(on.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(((await on.json()) as ErrorResponse).error).toMatchObject({ code: 'unavailable', message: 'Closed for repairs.' })
  })
})
