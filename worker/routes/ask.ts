import { Hono } from 'hono'
import type { AskResponse } from '../contract'
import type { AppEnv } from '../env'
import { answer } from '../../engine/answer'
import { cachedAnswer } from '../cache/answers'
import { recordAnswer } from '../feedback/store'
import { parseAsk, readJson } from '../validate'

export const ask = new Hono<AppEnv>().post('/', async (c) => {
  const request = parseAsk(await readJson(c))
  const { answer: cached, hit } = await cachedAnswer(c, request, () => answer(c.var.kb, request.question, request.history))
  const body: AskResponse = { answerId: crypto.randomUUID(), ...cached, permalink: '', kbVersion: c.var.kb.info.version }
  c.header('X-Cache', hit ? 'HIT' : 'MISS')
  // Recorded after the response is sent, so a slow or failing database never delays or breaks an answer.
  c.executionCtx.waitUntil(recordAnswer(c.env.DB, { response: body, question: request.question, kbVersion: c.var.kb.info.version, at: Date.now() }))
  return c.json(body)
})
