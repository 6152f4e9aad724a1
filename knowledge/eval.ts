/**
 * `npm run kb:eval [file.jsonl ...]`: the quality check. Runs question sets
 * (default: the shared sample and knowledge/eval/*.jsonl) through the answer
 * code on generated/kb.json, prints per kind how many are right, Recall@1/@3
 * and MRR of the right source, the misses, and what got better or worse since
 * the last publish (knowledge/eval/results.json).
 *
 * Options: --kb <artifact> (default generated/kb.json).
 */
import { BUILT_KB, defaultSetPaths, loadKbFile, loadSets, readPublished, RESULTS_FILE } from './eval-files'
import { compare, evaluate, formatComparison, formatMisses, formatSets, formatSummary, summarize } from './metrics'
import { commandArgs } from './cli'

const { values, positionals } = commandArgs(import.meta.url, { options: { kb: { type: 'string', default: BUILT_KB } }, allowPositionals: true })

try {
  const paths = positionals.length > 0 ? positionals : await defaultSetPaths()
  const kb = await loadKbFile(values.kb)
  const results = await evaluate(kb, await loadSets(paths))
  console.log(`kb:eval: ${results.length} questions from ${paths.join(', ')} on ${values.kb} (version ${kb.info.version})`)
  console.log(formatSummary(summarize(results)).join('\n'))
  console.log(formatSets(results).join('\n'))
  const misses = formatMisses(results)
  console.log(misses.length > 0 ? `misses:\n${misses.join('\n')}` : 'misses: none')
  const published = await readPublished()
  console.log(
    published
      ? formatComparison(compare(published.items, results), `published version ${published.version} (${published.publishedAt}, ${published.target})`).join('\n')
      : `nothing published yet (${RESULTS_FILE} is absent): no comparison`,
  )
} catch (err) {
  console.error(`kb:eval: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
}
