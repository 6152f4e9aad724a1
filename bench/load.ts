/**
 * Load test: starts the Worker under wrangler dev on 127.0.0.1 with rate
 * limiting off, drives /api/ask and /api/search with autocannon for a bounded
 * time each, prints a table (also written to bench/load-results.md) and stops
 * the server. Any non-2xx response or connection error fails the run.
 *
 * LOAD_SECONDS (default 10) and LOAD_CONNECTIONS (default 10) bound the run.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import autocannon, { type Request, type Result } from 'autocannon'
import { parseQuestionSet } from '../knowledge/quality'
import { randomCase, startDevServer } from './dev-server'

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

const scenarios: { name: string; requests: Request[] }[] = [
  { name: 'POST /api/ask (20 questions, cached after first)', requests: questions.map((q) => askRequest(q)) },
  { name: 'POST /api/ask (uncached: random letter case)', requests: questions.map((q) => askRequest(q, true)) },
  {
    name: 'GET /api/search (20 queries)',
    requests: questions.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}&limit=5` })),
  },
]

const server = await startDevServer(PORT, 'inherit')
process.on('SIGINT', () => {
  server.stop()
  process.exit(130)
})

const loadBefore = loadavg()[0]!.toFixed(1)
const rows: string[] = []
let failed = false
try {
  for (const { name, requests } of scenarios) {
    const r: Result = await autocannon({ url: server.origin, connections: CONNECTIONS, duration: SECONDS, requests })
    const bad = r.non2xx + r.errors + r.timeouts
    if (bad > 0) failed = true
    rows.push(
      `| ${name} | ${r.requests.total} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${r.errors + r.timeouts} |`,
    )
  }
} finally {
  server.stop()
}

const table = [
  `| scenario | requests | req/s | p50 ms | p99 ms | non-2xx | errors |`,
  `|---|---:|---:|---:|---:|---:|---:|`,
  ...rows,
].join('\n')
const heading = `Load test, ${new Date().toISOString().slice(0, 16)}Z: wrangler dev (workerd) on 127.0.0.1, rate limiting off, ` +
  `${CONNECTIONS} connections, ${SECONDS} s per scenario, ${cpus().length} CPU cores shared with the load generator ` +
  `(load average ${loadBefore} before the run).`
console.log(`\n${heading}\n\n${table}\n`)
await writeFile('bench/load-results.md', `# Load test results\n\n\`npm run bench:load\`. ${heading}\n\n${table}\n`)
if (failed) {
  console.error('load test failed: some responses were not 2xx or did not arrive')
  process.exitCode = 1
}
