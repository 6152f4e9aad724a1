/**
 * `npm run kb:shards -- [--remote]`: puts the parts of a sharded knowledge
 * base (generated/kb-shards/<version>/, written by kb:build when the KB is too
 * big for the script) into the KB_SHARDS bucket under kb/<version>/: the local
 * Miniflare bucket that `wrangler dev` uses, or with --remote the real one.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    kb: { type: 'string', default: 'generated/kb.json' },
    shards: { type: 'string', default: 'generated/kb-shards' },
  },
})
const BUCKET = 'probation-answers-kb-shards'
const { version, sharded } = JSON.parse(readFileSync(values.kb, 'utf8')) as { version: string; sharded?: number }
const dir = join(values.shards, version)
if (!sharded || !existsSync(dir)) {
  console.log(`kb:shards: ${values.kb} is bundled whole; nothing to upload`)
} else {
  const names = readdirSync(dir).sort()
  for (const name of names) {
    const args = ['r2', 'object', 'put', `${BUCKET}/kb/${version}/${name}`, '--file', join(dir, name), '--content-type', 'application/json']
    execFileSync('wrangler', [...args, values.remote ? '--remote' : '--local'], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  console.log(`kb:shards: ${names.length} parts -> ${values.remote ? 'remote' : 'local'} ${BUCKET}/kb/${version}/`)
}
