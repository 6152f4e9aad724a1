/**
 * Runs Wrangler for the maintainer scripts against the local Miniflare state
 * (the storage `wrangler dev` uses, under .wrangler/state) or, with --remote,
 * the deployed account's resources.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Target {
  remote: boolean
  /** Local state directory, when not Wrangler's default. */
  persistTo?: string
}

export function describeTarget(t: Target): string {
  return t.remote ? 'remote' : `local (${t.persistTo ?? '.wrangler/state'})`
}

function targetArgs(t: Target): string[] {
  if (t.remote) return ['--remote']
  return ['--local', ...(t.persistTo ? ['--persist-to', t.persistTo] : [])]
}

export class WranglerError extends Error {
  override name = 'WranglerError'
}

/** Runs `wrangler <args> <target>`, returning stdout; throws with Wrangler's own message on failure. */
export function wrangler(args: string[], target: Target): string {
  const bin = join(process.cwd(), 'node_modules/wrangler/bin/wrangler.js')
  const run = spawnSync(process.execPath, [bin, ...args, ...targetArgs(target)], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  if (run.status !== 0) {
    const message = `${run.stderr}\n${run.stdout}`.replace(/\u001b\[[0-9;]*m/g, '').trim()
    throw new WranglerError(`wrangler ${args.slice(0, 3).join(' ')} failed: ${message || `exit ${String(run.status)}`}`)
  }
  return run.stdout
}

/**
 * Puts files in a bucket in one Wrangler run (`r2 bulk put`, concurrent
 * uploads), locally or remotely: one process per object takes seconds each.
 * The command is marked experimental in Wrangler 4; it fails as a whole when
 * any upload fails.
 */
export async function putObjects(bucket: string, objects: Array<{ key: string; file: string }>, target: Target): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'r2-bulk-'))
  try {
    const list = join(dir, 'objects.json')
    await writeFile(list, JSON.stringify(objects))
    wrangler(['r2', 'bulk', 'put', bucket, '--filename', list, '--content-type', 'application/json', '--force'], target)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The name wrangler.toml gives the resource behind a binding, so the scripts follow the config. */
export function resourceName(binding: string, key: 'bucket_name' | 'database_name'): string {
  const toml = readFileSync('wrangler.toml', 'utf8')
  const match = new RegExp(`binding\\s*=\\s*"${binding}"[^\\[]*?${key}\\s*=\\s*"([^"]+)"`).exec(toml)
  if (!match?.[1]) throw new Error(`wrangler.toml declares no ${key} for the ${binding} binding`)
  return match[1]
}
