import { Hono } from 'hono'
import type { SearchResponse, SearchResult } from '../contract'
import type { AppEnv } from '../env'
import { retrieve, understand, type Kb } from '../../engine'
import { cacheVersions } from '../cache/key'
import { etagMatches, searchEtag } from '../cache/etag'
import { parseLimit, parseQuestion } from '../validate'

export const search = new Hono<AppEnv>().get('/', async (c) => {
  const q = parseQuestion(c.req.query('q'), 'q')
  const limit = parseLimit(c.req.query('limit'))
  const kb = c.var.kb
  const etag = await searchEtag(cacheVersions(c), q, limit)
  c.header('ETag', etag)
  c.header('Cache-Control', 'no-cache')
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
  return c.json(await searchKb(kb, q, limit))
})

/** The route's work, apart from HTTP, so the bench times exactly what the Worker runs. */
export async function searchKb(kb: Kb, q: string, limit: number): Promise<SearchResponse> {
  const { hits } = await retrieve(kb, understand(q, [], kb.language), limit)
  const results: SearchResult[] = []
  for (const hit of hits) {
    const passage = kb.artifact.passages[hit.passage]
    const source = passage && kb.sources.get(passage.sourceId)
    if (!passage || !source) continue
    results.push({
      id: passage.id,
      sourceId: source.id,
      title: source.title,
      publisher: source.publisher,
      published: source.published,
      ...(source.url ? { url: source.url } : {}),
      kind: source.kind,
      heading: passage.heading,
      text: passage.text,
      score: Math.round(hit.score * 1e4) / 1e4,
    })
  }
  return { results }
}
