/**
 * The Worker on 127.0.0.1 for load runs, with rate limiting off (a local-only
 * var) and the local D1 schema applied, in one of two ways:
 *
 * - `wrangler dev`, started in its own process group so stopping it stops
 *   workerd too. Local observability is off (X_LOCAL_OBSERVABILITY=false, read
 *   by wrangler dev itself): by default every invocation of every local Worker
 *   is streamed to a trace collector that writes it to a SQLite Durable Object
 *   on disk, in the same single-threaded workerd process as our Worker. That is
 *   dev-only tooling, not part of the Worker, and it took that process from 0.6
 *   to 1.5 ms of CPU per request for a Worker that returns a constant.
 * - plain workerd: the bundle `wrangler deploy` would upload, with the bindings
 *   wrangler.toml declares, in Miniflare and nothing else. wrangler dev puts a
 *   second workerd process in front of that one (its ProxyWorker, a Durable
 *   Object that re-fetches every request over HTTP), which costs more CPU per
 *   request than our Worker; this measures the Worker as production runs it.
 *
 * Either can serve FLOOR instead, a Worker that does no work, to measure the
 * server itself.
 *
 * Each server keeps its local D1, R2 and cache data in a fresh temporary folder,
 * removed when it stops. A run thus starts from an empty database, as a new
 * deployment does, and leaves the developer's own local data alone (what
 * `npm start` serves and `kb:report` reads): in the project's folder, every run
 * added its tens of thousands of answers to D1, and the CPU each request spent
 * writing one grew with them.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'

export interface DevServer {
  origin: string
  stop(): Promise<void>
}

const run = promisify(execFile)
const BUNDLE_DIR = resolve('.wrangler/bench-bundle')

/** A wrangler config to serve, and its Worker's name. */
export interface WorkerConfig {
  path: string
  name: string
}
export const WORKER: WorkerConfig = { path: 'wrangler.toml', name: 'probation-answers' }
/** A Worker that does no work: the load test's floor. */
export const FLOOR: WorkerConfig = { path: 'bench/floor/wrangler.toml', name: 'load-floor' }

/** A fresh folder for a server's local data (wrangler's `--persist-to`, whose data lie in its `v3`), with the D1 schema applied. */
async function freshState(config: WorkerConfig): Promise<string> {
  const state = await mkdtemp(join(tmpdir(), 'probation-answers-bench-'))
  if (config === WORKER) await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state])
  return state
}

export async function startDevServer(port: number, output: 'ignore' | 'inherit' = 'ignore', config = WORKER): Promise<DevServer> {
  const state = await freshState(config)
  const origin = `http://127.0.0.1:${port}`
  const args = ['dev', '--config', config.path, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state, '--var', 'RATE_LIMIT:off', '--log-level', 'error', '--show-interactive-dev-session=false']
  const env = { ...process.env, X_LOCAL_OBSERVABILITY: 'false' }
  const server = spawn('wrangler', args, { detached: true, stdio: ['ignore', output, output], env })
  const stop = async () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
    await untilClosed(origin)
    await rm(state, { recursive: true, force: true })
  }
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`wrangler dev did not answer on ${origin} within 90 s`)
}

/** Waits until nothing answers on `origin`, so the next server started on its port is the one that answers. */
async function untilClosed(origin: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(origin)
    } catch {
      return
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${origin} still answers 10 s after its server was stopped`)
}

export async function startWorkerd(port: number, config = WORKER): Promise<DevServer> {
  const state = await freshState(config)
  await run('wrangler', ['deploy', '--dry-run', '--config', config.path, '--outdir', BUNDLE_DIR])
  const { workerOptions } = unstable_getMiniflareWorkerOptions(config.path)
  const bindings = { ...(workerOptions.bindings as Record<string, string>), RATE_LIMIT: 'off' }
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port,
      rootPath: resolve('.'),
      resourcePersistencePath: join(state, 'v3'),
      logRequests: false,
      workers: [
        // Module rules and the root path are for unbundled sources; the bundle needs neither.
        { ...workerOptions, modulesRules: undefined, rootPath: undefined, name: config.name, modules: true, scriptPath: resolve(BUNDLE_DIR, 'index.js'), bindings },
      ],
    }),
  )
  const url = await mf.ready
  return {
    origin: url.origin,
    stop: async () => {
      await mf.dispose()
      await rm(state, { recursive: true, force: true })
    },
  }
}

/** The same text in random letter case: answered alike, but a different cache key, so every request is computed. */
export function randomCase(text: string): string {
  return [...text].map((ch) => (Math.random() < 0.5 ? ch.toLowerCase() : ch.toUpperCase())).join('')
}
