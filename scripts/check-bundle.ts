/**
 * Checks the Worker bundle from `wrangler deploy --dry-run --outdir <dir>`
 * against the free plan's 3 MB (gzip) script limit and prints its size.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const LIMIT = 3 * 1024 * 1024
const dir = process.argv[2] ?? '.dist'

let raw = 0
let gzip = 0
for (const name of await readdir(dir)) {
  const path = join(dir, name)
  if (!(await stat(path)).isFile() || name.endsWith('.map')) continue
  const bytes = await readFile(path)
  raw += bytes.length
  gzip += gzipSync(bytes, { level: 9 }).length
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
console.log(`worker bundle: ${kib(raw)} raw, ${kib(gzip)} gzip (limit ${kib(LIMIT)} gzip)`)
if (gzip > LIMIT) {
  console.error('worker bundle is over the free plan limit: split the knowledge base (see docs/performance.md, "Large knowledge bases")')
  process.exitCode = 1
}
