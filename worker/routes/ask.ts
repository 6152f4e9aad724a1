import { Hono } from 'hono'
import type { AskResponse } from '../contract'
import type { AppEnv } from '../env'
import { ask as answer } from '../answer/ask'
import { cachedAnswer } from '../cache/answers'
import { parseAsk, readJson } from '../validate'

export const ask = new Hono<AppEnv>().post('/', async (c) => {
  const request = parseAsk(await readJson(c))
  const { answer: cached, hit } = await cachedAnswer(c, request, () => answer(c.var.kb, request.question, request.history))
  const body: AskResponse = { answerId: crypto.randomUUID(), ...cached }
  c.header('X-Cache', hit ? 'HIT' : 'MISS')
  return c.json(body)
})
