import { Hono } from 'hono'
import type { TimelineResponse } from '../contract'
import type { AppEnv } from '../env'
import { cacheVersions } from '../cache/key'
import { etagMatches, timelineEtag } from '../cache/etag'

/** The events the build put in the artifact (engine/timeline.ts); revalidated by ETag like search results. */
export const timeline = new Hono<AppEnv>().get('/', async (c) => {
  const etag = await timelineEtag(cacheVersions(c), 'json')
  c.header('ETag', etag)
  c.header('Cache-Control', 'no-cache')
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
  const body: TimelineResponse = { events: c.var.kb.artifact.timeline }
  return c.json(body)
})
