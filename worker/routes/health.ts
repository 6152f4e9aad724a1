import { Hono } from 'hono'
import type { HealthResponse } from '../contract'
import type { AppEnv } from '../env'

export const health = new Hono<AppEnv>().get('/', (c) => {
  const body: HealthResponse = { status: 'ok', kb: c.var.kb.info }
  return c.json(body)
})
