import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { loadKbFile, loadSets, defaultSetPaths } from './knowledge/eval-files'
import { evaluate } from './knowledge/metrics'
const kb = await loadKbFile('generated/kb.json')
const results = await evaluate(kb, await loadSets(await defaultSetPaths()))
const now = Object.fromEntries(results.map(r => [r.key, r]))
const mode = process.argv[2]
if (mode === 'save') writeFileSync('/tmp/base.json', JSON.stringify(now))
const tot: Record<string, [number, number]> = {}
for (const r of results) { const t = tot[r.kind] ??= [0, 0]; t[1]++; if (r.right) t[0]++ }
console.log(Object.entries(tot).map(([k, [a, b]]) => `${k} ${a}/${b}`).join('  '))
if (mode !== 'save' && existsSync('/tmp/base.json')) {
  const base = JSON.parse(readFileSync('/tmp/base.json', 'utf8'))
  for (const r of results) {
    const b = base[r.key]
    if (!b || b.right === r.right) continue
    console.log(`${r.right ? 'FIXED ' : 'BROKE '} ${r.key} [${r.kind}] ${r.question}${r.right ? '' : `\n        ${(r.why ?? '').slice(0, 220)}`}`)
  }
}
