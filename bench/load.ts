/**
 * Load test: starts the Worker under wrangler dev on 127.0.0.1 with rate
 * limiting off, drives /api/ask and /api/search with autocannon for a bounded
 * time each, prints a table (also written to bench/load-results.md) and stops
 * the server. Any non-2xx response or connection error fails the run.
 *
 * LOAD_SECONDS (default 10) and LOAD_CONNECTIONS (default 10) bound the run.
 */
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import autocannon, { type Request, type Result } from 'autocannon'
import { parseQuestionSet } from '../knowledge/quality'

const PORT = Number(process.env.LOAD_PORT ?? 8789)
const ORIGIN = `http://127.0.0.1:${PORT}`
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10)

const questions = parseQuestionSet(await readFile('knowledge/eval/heldout.jsonl', 'utf8'), 'heldout')
  .filter((item) => item.kind === 'fact')
  .map((item) => item.question)
  .slice(0, 20)

/** The same question in random letter case: answered alike, but a different cache key, so every request is computed. */
function randomCase(text: string): string {
  return [...text].map((ch) => (Math.random() < 0.5 ? ch.toLowerCase() : ch.toUpperCase())).join('')
}

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

async function waitForServer(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`wrangler dev did not answer on ${ORIGIN} within the time allowed`)
}

const server = spawn(
  'wrangler',
  ['dev', '--ip', '127.0.0.1', '--port', String(PORT), '--var', 'RATE_LIMIT:off', '--log-level', 'error', '--show-interactive-dev-session=false'],
  { detached: true, stdio: ['ignore', 'inherit', 'inherit'] },
)
const stop = () => {
  if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
}
process.on('SIGINT', () => {
  stop()
  process.exit(130)
})

const loadBefore = loadavg()[0]!.toFixed(1)
const rows: string[] = []
let failed = false
try {
  await waitForServer(Date.now() + 90_000)
  for (const { name, requests } of scenarios) {
    const r: Result = await autocannon({ url: ORIGIN, connections: CONNECTIONS, duration: SECONDS, requests })
    const bad = r.non2xx + r.errors + r.timeouts
    if (bad > 0) failed = true
    rows.push(
      `| ${name} | ${r.requests.total} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${r.errors + r.timeouts} |`,
    )
  }
} finally {
  stop()
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
