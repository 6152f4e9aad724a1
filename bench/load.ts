/**
 * Load test: starts the Worker on 127.0.0.1 with rate limiting off, under
 * wrangler dev and then on plain workerd (see dev-server.ts), drives
 * /api/health, /api/ask and /api/search with autocannon for a bounded time
 * each, prints a table (also written to bench/load-results.md) and stops each
 * server. Any non-2xx response or connection error fails the run.
 *
 * LOAD_SECONDS (default 10) and LOAD_CONNECTIONS (default 10) bound the run.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import autocannon, { type Request, type Result } from 'autocannon'
import { parseQuestionSet } from '../knowledge/quality'
import { FLOOR, randomCase, startDevServer, startWorkerd, type DevServer } from './dev-server'
import { cpuPerRequest, descendantsCpu } from './process-cpu'

const PORT = Number(process.env.LOAD_PORT ?? 8789)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10)

const questions = parseQuestionSet(await readFile('knowledge/eval/heldout.jsonl', 'utf8'), 'heldout')
  .filter((item) => item.kind === 'fact')
  .map((item) => item.question)
  .slice(0, 20)

const askRequest = (question: string, vary = false): Request => ({
  method: 'POST',
  path: '/api/ask',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ question }),
  ...(vary ? { setupRequest: (r: Request) => ({ ...r, body: JSON.stringify({ question: randomCase(question) }) }) } : {}),
})

interface Scenario {
  name: string
  requests: Request[]
}

const health: Scenario = { name: 'GET /api/health (no KB work)', requests: [{ method: 'GET', path: '/api/health' }] }
const floor: Scenario = { name: 'GET /api/health, a Worker that returns a constant (the floor)', requests: health.requests }
const scenarios: Scenario[] = [
  health,
  { name: 'POST /api/ask (20 questions, cached after first)', requests: questions.map((q) => askRequest(q)) },
  { name: 'POST /api/ask (uncached: random letter case)', requests: questions.map((q) => askRequest(q, true)) },
  {
    name: 'GET /api/search (20 queries)',
    requests: questions.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}&limit=5` })),
  },
]

// Each server first with the floor Worker: what it serves doing no work bounds what it can serve doing ours.
const servers: { name: string; start: () => Promise<DevServer>; scenarios: Scenario[] }[] = [
  { name: 'wrangler dev', start: () => startDevServer(PORT, 'inherit', FLOOR), scenarios: [floor] },
  { name: 'wrangler dev', start: () => startDevServer(PORT, 'inherit'), scenarios },
  { name: 'plain workerd', start: () => startWorkerd(PORT, FLOOR), scenarios: [floor] },
  { name: 'plain workerd', start: () => startWorkerd(PORT), scenarios },
]

const loadBefore = loadavg()[0]!.toFixed(1)
const rows: string[] = []
let failed = false
for (const { name: serverName, start, scenarios } of servers) {
  const server = await start()
  const stop = () => void server.stop().then(() => process.exit(130))
  process.once('SIGINT', stop)
  try {
    for (const { name, requests } of scenarios) {
      const cpuBefore = descendantsCpu()
      const r: Result = await autocannon({ url: server.origin, connections: CONNECTIONS, duration: SECONDS, requests })
      const cpu = cpuPerRequest(cpuBefore, descendantsCpu(), r.requests.total)
      const bad = r.non2xx + r.errors + r.timeouts
      if (bad > 0) failed = true
      rows.push(
        `| ${serverName} | ${name} | ${r.requests.total} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${cpu.total.toFixed(2)} | ${cpu.busiest.toFixed(2)} | ${r.non2xx} | ${r.errors + r.timeouts} |`,
      )
    }
  } finally {
    process.off('SIGINT', stop)
    await server.stop()
  }
}

const table = [
  `| server | scenario | requests | req/s | p50 ms | p99 ms | server CPU ms/req | busiest process CPU ms/req | non-2xx | errors |`,
  `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ...rows,
].join('\n')
const heading = `Load test, ${new Date().toISOString().slice(0, 16)}Z: wrangler dev, then plain workerd (the deploy bundle in Miniflare, without wrangler dev's ProxyWorker), on 127.0.0.1, rate limiting off, each server with empty local data of its own (D1, R2, cache), ` +
  `${CONNECTIONS} connections, ${SECONDS} s per scenario, ${cpus().length} CPU cores shared with the load generator ` +
  `(load average ${loadBefore} before the run). The floor is each server with a Worker that returns a constant ` +
  `behind the same static-assets layer (bench/floor/): no Worker can be faster there. Server CPU: all processes the run started (wrangler, workerd); the busiest ` +
  `one runs its requests on one thread, so 1000 / its ms is the most requests per second it can serve.`
console.log(`\n${heading}\n\n${table}\n`)
await writeFile('bench/load-results.md', `# Load test results\n\n\`npm run bench:load\`. ${heading}\n\n${table}\n`)
if (failed) {
  console.error('load test failed: some responses were not 2xx or did not arrive')
  process.exitCode = 1
}
