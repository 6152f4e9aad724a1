import { Hono } from 'hono'
import type { AskResponse } from '../contract'
import type { AppEnv } from '../env'
import { answer } from '../../engine'
import { cachedAnswer } from '../cache/answers'
import { recordAnswer } from '../feedback/store'
import { permalink } from '../permalink'
import { parseAsk, readJson } from '../validate'

export const ask = new Hono<AppEnv>().post('/', async (c) => {
  const request = parseAsk(await readJson(c))
  const kbVersion = c.var.kb.info.version
  const { answer: cached, hit } = await cachedAnswer(c, request, () => answer(c.var.kb, request.question, request.history))
  const link = permalink(new URL(c.req.url).origin, { question: request.question, history: request.history.map((t) => t.question), kbVersion })
  const body: AskResponse = { answerId: crypto.randomUUID(), ...cached, permalink: link, kbVersion }
  c.header('X-Cache', hit ? 'HIT' : 'MISS')
  // Recorded after the response is sent, so a slow or failing database never delays or breaks an answer.
  c.executionCtx.waitUntil(recordAnswer(c.env.DB, { response: body, question: request.question, kbVersion, at: Date.now() }))
  return c.json(body)
})
