/**
 * `npm test` after the build: Vitest, with the type check and the deploy dry run beside it rather
 * than before and after it. Much of Vitest's time is spent waiting on workerd, Wrangler and
 * Chromium, which leaves a core free for them. Their output is held back and printed after
 * Vitest's; the run fails when any of the three fails.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'

async function run(command: string, args: string[], holdOutput: boolean): Promise<{ code: number; output: string }> {
  const child = spawn(command, args, { stdio: holdOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const [code] = (await once(child, 'close')) as [number | null]
  return { code: code ?? 1, output }
}

const beside = [run('npm', ['run', '-s', 'typecheck'], true), run('npm', ['run', '-s', 'deploy:check'], true)]
const results = [await run('vitest', ['run'], false), ...(await Promise.all(beside))]
for (const { output } of results) process.stdout.write(output)
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1
