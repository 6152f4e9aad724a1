/**
 * Answers asked at the same time are all recorded, several rows to a
 * statement, and a verdict can follow its answer at once; against the real
 * local D1 database.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../worker/contract'
import { fetchSettled, jsonRequest, postJson } from './helpers'

beforeEach(async () => {
  await env.DB.batch([env.DB.prepare('DELETE FROM feedback'), env.DB.prepare('DELETE FROM answers')])
})

describe('recording answers under concurrent questions', () => {
  it('records every answer of many asked at once, in fewer INSERT statements than answers', async () => {
    let inserts = 0
    const counting = new Proxy(env.DB, {
      get: (target, key) =>
        key === 'prepare'
          ? (sql: string) => {
              if (sql.startsWith('INSERT INTO answers')) inserts++
              return target.prepare(sql)
            }
          : Reflect.get(target, key),
    })
    const questions = Array.from({ length: 30 }, (_, i) => `How much were the CRC contracts worth? (${i})`)
    const responses = await Promise.all(questions.map((question) => fetchSettled(jsonRequest('/api/ask', { question }), { DB: counting })))
    const ids = await Promise.all(responses.map(async (res) => ((await res.json()) as AskResponse).answerId))
    const rows = await env.DB.prepare('SELECT id, question FROM answers').all<{ id: string; question: string }>()
    expect(new Set(rows.results.map((r) => r.id))).toEqual(new Set(ids))
    expect(rows.results.map((r) => r.question).sort()).toEqual([...questions].sort())
    expect(inserts).toBeGreaterThan(0)
    expect(inserts).toBeLessThan(questions.length)
  })

  it('stores each column with its type: times and flags as integers, cited passages as a JSON list', async () => {
    const { answerId, citations } = (await (await postJson('/api/ask', { question: 'How much were the CRC contracts worth?' })).json()) as AskResponse
    await postJson('/api/feedback', { answerId, helpful: false })
    const row = await env.DB.prepare(
      'SELECT typeof(created_at) AS at, typeof(answered) AS flag, answered, json(passage_ids) AS ids FROM answers WHERE id = ?',
    )
      .bind(answerId)
      .first<{ at: string; flag: string; answered: number; ids: string }>()
    expect(row).toEqual({ at: 'integer', flag: 'integer', answered: 1, ids: JSON.stringify(citations.map((c) => c.passageId)) })
  })

  it('stores a verdict sent the moment its answer arrives, before the answer is written', async () => {
    const { answerId } = (await (await postJson('/api/ask', { question: 'Who inspected probation services in 2016?' })).json()) as AskResponse
    const res = await postJson('/api/feedback', { answerId, helpful: true })
    expect(res.status).toBe(200)
    expect(await env.DB.prepare('SELECT helpful FROM feedback WHERE answer_id = ?').bind(answerId).first('helpful')).toBe(1)
  })
})
