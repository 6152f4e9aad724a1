/**
 * Answers recorded as they are given, feedback on them, the report queries
 * and retention, all against the real local D1 database with migrations/.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AskResponse, FeedbackResponse } from '../../worker/contract'
import { notHelpfulSql, unansweredSql, type NotHelpfulRow, type UnansweredRow } from '../../worker/feedback/report'
import handler from '../../worker/index'
import { bundledKb } from '../../worker/kb/bundled'
import { expectError, fetchSettled, get, jsonRequest, postJson } from './helpers'

const DAY = 24 * 60 * 60 * 1000

async function ask(question: string, headers: Record<string, string> = {}): Promise<AskResponse> {
  const res = await fetchSettled(jsonRequest('/api/ask', { question }, headers))
  expect(res.status).toBe(200)
  return (await res.json()) as AskResponse
}

async function answerRow(id: string) {
  return env.DB.prepare('SELECT * FROM answers WHERE id = ?').bind(id).first<Record<string, unknown>>()
}

async function feedbackRows(id: string) {
  return (await env.DB.prepare('SELECT * FROM feedback WHERE answer_id = ?').bind(id).all<Record<string, unknown>>()).results
}

async function count(table: 'answers' | 'feedback') {
  return (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<number>('n')) ?? 0
}

async function runRetention(at: number, overrides: Partial<typeof env> = {}) {
  const ctx = createExecutionContext()
  await handler.scheduled(createScheduledController({ scheduledTime: at, cron: '17 3 * * *' }), { ...env, ...overrides }, ctx)
  await waitOnExecutionContext(ctx)
}

beforeEach(async () => {
  await env.DB.batch([env.DB.prepare('DELETE FROM feedback'), env.DB.prepare('DELETE FROM answers')])
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('recording answers', () => {
  it('records each answer with its question, KB version and cited passages, and nothing about the visitor', async () => {
    const body = await ask('How much were the CRC contracts worth?', { 'cf-connecting-ip': '203.0.113.9', cookie: 'session=abc', 'user-agent': 'Test/1.0' })
    expect(body.answered).toBe(true)
    const row = await answerRow(body.answerId)
    expect(row).toMatchObject({
      question: 'How much were the CRC contracts worth?',
      answered: 1,
      answer: body.answer,
      kb_version: bundledKb().info.version,
      passage_ids: JSON.stringify(body.citations.map((c) => c.passageId)),
    })
    const stored = JSON.stringify(row)
    for (const visitor of ['203.0.113.9', 'session=abc', 'Test/1.0']) expect(stored).not.toContain(visitor)
    const columns = (await env.DB.prepare('PRAGMA table_info(answers)').all<{ name: string }>()).results.map((c) => c.name)
    expect(columns.sort()).toEqual(['answer', 'answered', 'created_at', 'id', 'kb_version', 'passage_ids', 'question'])
  })

  it('still answers when the answer cannot be recorded, and logs why', async () => {
    const broken = new Proxy(env.DB, {
      get: (target, key) => (key === 'prepare' ? () => ({ bind: () => ({ run: () => Promise.reject(new Error('D1 down')) }) }) : Reflect.get(target, key)),
    })
    const errors = vi.spyOn(console, 'error')
    const res = await fetchSettled(jsonRequest('/api/ask', { question: 'How much were the CRC contracts worth?' }), { DB: broken })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AskResponse
    expect(body.answered).toBe(true)
    expect(errors).toHaveBeenCalledWith(`feedback: could not record answer ${body.answerId}: Error: D1 down`)
    expect(await answerRow(body.answerId)).toBeNull()
  })

  it('stores the question with personal data replaced by placeholders, and answers it as asked', async () => {
    const asked = 'How much were the CRC contracts worth? I am case no. 12345, call 07700 900123 or jo@example.com, SW1A 1AA'
    const body = await ask(asked)
    expect(body.answered).toBe(true)
    expect(body.answer).toBe((await ask('How much were the CRC contracts worth?')).answer)
    expect((await answerRow(body.answerId))?.question).toBe(
      'How much were the CRC contracts worth? I am case no. [reference], call [phone] or [email], [postcode]',
    )
  })

  it('records questions it could not answer the same way', async () => {
    const body = await ask('who won the world cup')
    expect(body.answered).toBe(false)
    expect(await answerRow(body.answerId)).toMatchObject({ question: 'who won the world cup', answered: 0, passage_ids: '[]' })
  })
})

describe('POST /api/feedback', () => {
  it('stores a verdict on an answer and replaces it when the visitor changes their mind', async () => {
    const { answerId } = await ask('How much were the CRC contracts worth?')
    const res = await postJson('/api/feedback', { answerId, helpful: true })
    expect(res.status).toBe(200)
    expect((await res.json()) as FeedbackResponse).toEqual({ answerId, helpful: true })
    expect(await feedbackRows(answerId)).toMatchObject([{ helpful: 1, comment: null }])

    await postJson('/api/feedback', { answerId: answerId.toUpperCase(), helpful: false, comment: '  Out of date?  ' })
    expect(await feedbackRows(answerId)).toMatchObject([{ helpful: 0, comment: 'Out of date?' }])

    await postJson('/api/feedback', { answerId, helpful: false, comment: 'Wrong. Ring me on 07700 900123' })
    expect(await feedbackRows(answerId)).toMatchObject([{ helpful: 0, comment: 'Wrong. Ring me on [phone]' }])
  })

  it('answers 404 for an answerId it never gave', async () => {
    await expectError(await postJson('/api/feedback', { answerId: crypto.randomUUID(), helpful: true }), 404, 'not_found')
    expect(await count('feedback')).toBe(0)
  })

  it('rejects bad input with the right status and a JSON error', async () => {
    const { answerId } = await ask('who won the world cup')
    const bad: unknown[] = [
      {},
      [],
      'null',
      { helpful: true },
      { answerId: 'abc', helpful: true },
      { answerId: 42, helpful: true },
      { answerId },
      { answerId, helpful: 'yes' },
      { answerId, helpful: 1 },
      { answerId, helpful: false, comment: 5 },
      { answerId, helpful: false, comment: 'x'.repeat(1001) },
    ]
    for (const body of bad) await expectError(await postJson('/api/feedback', body), 400, 'bad_request')
    await expectError(await postJson('/api/feedback', '{"answerId": '), 400, 'invalid_json')
    await expectError(await postJson('/api/feedback', { answerId, helpful: true }, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type')
    await expectError(await postJson('/api/feedback', { answerId, helpful: true, comment: 'x'.repeat(9000) }), 413, 'payload_too_large')
    const res = await get('/api/feedback')
    await expectError(res, 405, 'method_not_allowed')
    expect(res.headers.get('allow')).toBe('POST')
    expect(await count('feedback')).toBe(0)
  })
})

describe('the report queries', () => {
  it('list the most frequent unanswered questions and the answers most often marked not helpful', async () => {
    for (const q of ['Who won the World Cup?', 'who won the world cup', 'What is the capital of Peru?']) await ask(q)
    const { results: unanswered } = await env.DB.prepare(unansweredSql({ limit: 10, since: 0 })).all<UnansweredRow>()
    expect(unanswered.map((r) => [r.question, r.times])).toEqual([
      ['who won the world cup', 2],
      ['what is the capital of peru', 1],
    ])

    const contracts = [await ask('How much were the CRC contracts worth?'), await ask('How much were the CRC contracts worth?')]
    const other = await ask('Who is Glenys Stacey?')
    await postJson('/api/feedback', { answerId: contracts[0]?.answerId, helpful: false, comment: 'wrong figure' })
    await postJson('/api/feedback', { answerId: contracts[1]?.answerId, helpful: false })
    await postJson('/api/feedback', { answerId: other.answerId, helpful: true })
    const { results: notHelpful } = await env.DB.prepare(notHelpfulSql({ limit: 10, since: 0 })).all<NotHelpfulRow>()
    expect(notHelpful).toHaveLength(1)
    expect(notHelpful[0]).toMatchObject({ answer: contracts[0]?.answer, not_helpful: 2, helpful: 0, comments: 'wrong figure' })
    expect(() => unansweredSql({ limit: 10, since: Number.NaN })).toThrow(/whole number/)
  })
})

describe('retention', () => {
  it('deletes answers and feedback older than RETENTION_DAYS when the cron trigger runs', async () => {
    const now = Date.UTC(2026, 10, 26, 3, 17)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(now - 91 * DAY)
    const old = await ask('How much were the CRC contracts worth?')
    await postJson('/api/feedback', { answerId: old.answerId, helpful: true })
    vi.setSystemTime(now - 89 * DAY)
    const kept = await ask('How much were the CRC contracts worth?')
    await postJson('/api/feedback', { answerId: kept.answerId, helpful: false })
    vi.setSystemTime(now - 5 * DAY)
    const recent = await ask('who won the world cup')
    vi.useRealTimers()

    const log = vi.spyOn(console, 'log')
    await runRetention(now)
    expect(await answerRow(old.answerId)).toBeNull()
    expect(await feedbackRows(old.answerId)).toEqual([])
    expect(await answerRow(kept.answerId)).not.toBeNull()
    expect(await feedbackRows(kept.answerId)).toHaveLength(1)
    expect(log).toHaveBeenCalledWith('retention: deleted 1 answers, 1 feedback rows and 0 reports older than 90 days')

    await runRetention(now, { RETENTION_DAYS: '7' })
    expect(await answerRow(kept.answerId)).toBeNull()
    expect(await count('feedback')).toBe(0)
    expect(await answerRow(recent.answerId)).not.toBeNull()
    await expectError(await postJson('/api/feedback', { answerId: kept.answerId, helpful: true }), 404, 'not_found')
  })

  it('keeps the default when RETENTION_DAYS is not a sensible number, and says so', async () => {
    const errors = vi.spyOn(console, 'error')
    const log = vi.spyOn(console, 'log')
    await runRetention(Date.now(), { RETENTION_DAYS: '-3' })
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/RETENTION_DAYS="-3" is not a whole number.*using 90/))
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/older than 90 days/))
  })
})
