/**
 * The arguments of the maintainers' commands. `--help` prints the command's
 * own doc comment (the block at the top of its file), so usage is written
 * once; an unknown or malformed option prints one line saying what is wrong
 * and that usage, and exits 2, rather than a stack trace.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** `parseArgs` for the command in the file at `url` (its `import.meta.url`). */
export function commandArgs<T extends ParseArgsConfig>(url: string, config: T): ReturnType<typeof parseArgs<T>> {
  const { name, usage } = usageOf(fileURLToPath(url))
  const args = config.args ?? process.argv.slice(2)
  // Not after "--", where a question may hold any words.
  const end = args.indexOf('--')
  if ((end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
    console.log(usage)
    process.exit(0)
  }
  try {
    return parseArgs(config)
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}\n\n${usage}`)
    process.exit(2)
  }
}

/** A command's usage, its file's first doc comment without the comment marks, and its name, the first `npm run …` in it. */
function usageOf(path: string): { name: string; usage: string } {
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(path, 'utf8'))?.[1] ?? ''
  const usage = comment
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim()
  return { name: /npm run ([\w:-]+)/.exec(usage)?.[1] ?? path, usage }
}
