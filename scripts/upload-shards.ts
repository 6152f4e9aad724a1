/**
 * `npm run kb:shards -- [--remote] [--persist-to <dir>]`: puts the parts of a
 * sharded knowledge base (generated/kb-shards/<version>/, written by kb:build
 * when the KB is too big for the script) into the KB_SHARDS bucket under
 * kb/<version>/, in one Wrangler run: the local Miniflare bucket that
 * `wrangler dev` uses, or with --remote the real one. Run it before deploying
 * a sharded bundle; `kb:publish` does the same for a published version.
 *
 * Options: --kb <manifest> (default generated/kb.json), --shards <dir> (default generated/kb-shards).
 */
import { readFile } from 'node:fs/promises'
import { isManifest } from '../engine'
import { SHARDS_DIR, uploadParts } from '../knowledge/parts'
import { describeTarget, type Target } from '../knowledge/wrangler'
import { commandArgs } from '../knowledge/cli'

const { values } = commandArgs(import.meta.url, {
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    kb: { type: 'string', default: 'generated/kb.json' },
    shards: { type: 'string', default: SHARDS_DIR },
  },
})
const target: Target = { remote: values.remote, ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}) }

try {
  const built: unknown = JSON.parse(await readFile(values.kb, 'utf8'))
  if (!isManifest(built)) {
    console.log(`kb:shards: ${values.kb} is bundled whole; nothing to upload`)
  } else {
    const started = performance.now()
    const { bucket, prefix, count } = await uploadParts(built, target, values.shards)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`kb:shards: ${count} parts -> ${describeTarget(target)} ${bucket}/${prefix} in ${seconds} s`)
  }
} catch (err) {
  console.error(`kb:shards: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
}
