/**
 * End to end: the real KB in `wrangler dev` (workerd) on 127.0.0.1:8790,
 * loaded with autocannon for a bounded time. The server is started here and
 * stopped by its process group id. Rate limits are off for the run (RATE_LIMIT=off,
 * local only) and each question's letter case varies, so the answer cache does not serve it.
 */
import autocannon, { type Request } from 'autocannon'
import { randomCase, startDevServer } from './dev-server'
import { QUERY_MIX } from './queries'

const PORT = Number(process.env.BENCH_PORT ?? 8790)
const CONNECTIONS = 10
const SECONDS = 8
const RUNS = 3

export interface EndToEnd {
  connections: number
  seconds: number
  runs: number
  askRps: number
  askP50: number
  askP99: number
  searchRps: number
  searchP50: number
  searchP99: number
  /** GET /api/health, which does no KB work: the ceiling of wrangler dev on this machine. */
  healthRps: number
  errors: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number

async function load(origin: string, requests: Request[], path: string) {
  const result = await autocannon({ url: `${origin}${path}`, connections: CONNECTIONS, duration: SECONDS, requests })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors }
}

export async function endToEnd(): Promise<EndToEnd> {
  const server = await startDevServer(PORT)
  try {
    const questions = Object.values(QUERY_MIX).flat()
    // Each question in a fresh letter case: answered alike, but past the answer cache, so every request is computed.
    const ask = questions.map((question): Request => ({
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      setupRequest: (r) => ({ ...r, body: JSON.stringify({ question: randomCase(question) }) }),
    }))
    const search = questions.map((q) => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(q)}` }))
    const asks = []
    const searches = []
    for (let i = 0; i < RUNS; i++) asks.push(await load(server.origin, ask, '/api/ask'))
    for (let i = 0; i < RUNS; i++) searches.push(await load(server.origin, search, '/api/search'))
    const health = await load(server.origin, [{ method: 'GET', path: '/api/health' }], '/api/health')
    return {
      connections: CONNECTIONS,
      seconds: SECONDS,
      runs: RUNS,
      askRps: median(asks.map((r) => r.rps)),
      askP50: median(asks.map((r) => r.p50)),
      askP99: median(asks.map((r) => r.p99)),
      searchRps: median(searches.map((r) => r.rps)),
      searchP50: median(searches.map((r) => r.p50)),
      searchP99: median(searches.map((r) => r.p99)),
      healthRps: health.rps,
      errors: [...asks, ...searches, health].reduce((a, r) => a + r.errors, 0),
    }
  } finally {
    await server.stop()
  }
}
