/**
 * `npm start`: builds the knowledge base and the widget, applies migrations/ to the local D1
 * database and runs the Worker in workerd (`wrangler dev`) on 127.0.0.1, offline and quietly. It
 * prints where the demo page and the API are and the snippet that embeds the widget, then only
 * what happens: requests, the Worker's logs, warnings and errors. A step that fails prints its
 * whole output.
 *
 * PORT (default 8787) sets the port; RATE_LIMIT=off turns the rate limits off (docs/security.md, "Rate
 * limits"); MAINTENANCE=on (with MAINTENANCE_MESSAGE) switches answering off (docs/security.md, "Switching the service off"). `--test-scheduled` lets `curl http://127.0.0.1:8787/__scheduled` run the
 * retention job, which wrangler dev never triggers on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { WRANGLER_ENV } from './wrangler-env'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const WRANGLER = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url))
const port = process.env.PORT || '8787'
const origin = `http://127.0.0.1:${port}`
const env = { ...process.env, ...WRANGLER_ENV, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) }

/** Runs a step with its output held back, and shows that output only if the step fails. */
async function step(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const [code] = (await once(child, 'close')) as [number | null]
  if (code !== 0) {
    process.stderr.write(output)
    process.exit(code ?? 1)
  }
}

function banner(): string {
  return [
    `Probation Answers is running in workerd on ${origin} (Ctrl+C stops it).`,
    `  Demo page:  ${origin}/`,
    `  API:        ${origin}/api/ask (POST), /api/search?q=…, /api/feedback (POST), /api/health`,
    `  Embed:      <script src="${origin}/widget.js" async></script>`,
    '',
  ].join('\n')
}

/**
 * What wrangler dev prints that says nothing here: the bindings table (wrangler.toml has it), its
 * start-up lines, and the "Ready on" line, which the banner replaces.
 */
const NOISE = [/^Your Worker has access to the following bindings:/, /^Binding\s+Resource/, /^env\.\S+ /, /^⎔ Starting local server/, /Parsed \d+ valid header rules/]

function passOn(stream: NodeJS.ReadableStream, to: NodeJS.WritableStream, ready: () => void) {
  let started = false
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    const plain = stripVTControlCharacters(line)
    if (/\[wrangler:info\] Ready on /.test(plain)) {
      started = true
      return ready()
    }
    if (NOISE.some((re) => re.test(plain))) return
    if (!started && plain.trim() === '') return
    to.write(`${line}\n`)
  })
}

await step(process.execPath, [fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url)), 'knowledge/build.ts'])
await step(process.execPath, [fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url)), 'scripts/build-widget.ts'])
await step(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local'])

const args = ['dev', '--ip', '127.0.0.1', '--port', port, '--test-scheduled', '--show-interactive-dev-session=false']
for (const name of ['RATE_LIMIT', 'MAINTENANCE', 'MAINTENANCE_MESSAGE']) {
  const value = process.env[name]
  if (value) args.push('--var', `${name}:${value}`)
}
const dev: ChildProcess = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
let announced = false
const ready = () => {
  if (!announced) console.log(banner())
  announced = true
}
passOn(dev.stdout!, process.stdout, ready)
passOn(dev.stderr!, process.stderr, ready)

// Ctrl+C reaches wrangler too (same process group); a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => dev.kill(signal))
const [code, signal] = (await once(dev, 'exit')) as [number | null, NodeJS.Signals | null]
process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1))
