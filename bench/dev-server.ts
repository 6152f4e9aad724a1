/**
 * The Worker under `wrangler dev` on 127.0.0.1 for load runs: rate limiting
 * off (a local-only var), started in its own process group so stopping it
 * stops workerd too.
 *
 * Local observability is off (X_LOCAL_OBSERVABILITY=false, read by wrangler
 * dev itself): by default every invocation of every local Worker is streamed
 * to a trace collector that writes it to a SQLite Durable Object on disk, in
 * the same single-threaded workerd process as our Worker. That is dev-only
 * tooling, not part of the Worker, and it took that process from 0.6 to 1.5 ms
 * of CPU per request for a Worker that returns a constant.
 */
import { spawn } from 'node:child_process'

export interface DevServer {
  origin: string
  stop(): void
}

export async function startDevServer(port: number, output: 'ignore' | 'inherit' = 'ignore'): Promise<DevServer> {
  const origin = `http://127.0.0.1:${port}`
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--var', 'RATE_LIMIT:off', '--log-level', 'error', '--show-interactive-dev-session=false']
  const env = { ...process.env, X_LOCAL_OBSERVABILITY: 'false' }
  const server = spawn('wrangler', args, { detached: true, stdio: ['ignore', output, output], env })
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
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
  stop()
  throw new Error(`wrangler dev did not answer on ${origin} within 90 s`)
}

/** The same text in random letter case: answered alike, but a different cache key, so every request is computed. */
export function randomCase(text: string): string {
  return [...text].map((ch) => (Math.random() < 0.5 ? ch.toLowerCase() : ch.toUpperCase())).join('')
}
