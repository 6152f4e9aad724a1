import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { compileKb, type KbFile } from '../../knowledge/compile'

const run = promisify(execFile)
const fixture = (name: string) => join('tests/fixtures', name)

async function kbFiles(dir: string): Promise<{ files: KbFile[]; vocabulary: KbFile }> {
  const names = (await readdir(join(dir, 'sources'))).sort()
  const files = await Promise.all(names.map(async (n) => ({ path: join(dir, 'sources', n), text: await readFile(join(dir, 'sources', n), 'utf8') })))
  const vocabPath = join(dir, 'vocabulary.json')
  return { files, vocabulary: { path: vocabPath, text: await readFile(vocabPath, 'utf8') } }
}

async function build(kb: string, out: string) {
  return run('node_modules/.bin/tsx', ['knowledge/build.ts', '--kb', kb, '--out', out]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  )
}

describe('compileKb', () => {
  it('reports every problem of a broken knowledge base as path:line: message', async () => {
    const { files, vocabulary } = await kbFiles(fixture('kb-broken'))
    const result = compileKb(files, vocabulary)
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems
    const p = 'tests/fixtures/kb-broken/sources/broken-entry.md'
    expect(problems).toEqual(
      expect.arrayContaining([
        `${p}:2: missing required field "publisher"`,
        expect.stringMatching(new RegExp(`^${p}:4: published "2016-13-01" is not a date`)),
        expect.stringMatching(new RegExp(`^${p}:5: unknown frontmatter key "colour"`)),
        `${p}:9: text before the first "## heading": every passage needs a heading`,
        `${p}:11: section "An empty section" is empty`,
        expect.stringMatching(new RegExp(`^${p}:13: section "A section that is far too short" is too short \\(6 words`)),
        expect.stringMatching(new RegExp(`^${p}:23: after "Questions:" only`)),
        expect.stringMatching(/wrong-name\.md:2: id "broken-entry" must match the file name "wrong-name\.md"/),
        expect.stringMatching(/wrong-name\.md:2: duplicate id "broken-entry" \(also in .*broken-entry\.md\)/),
        expect.stringMatching(/vocabulary\.json:1: group 1 must list at least two non-empty phrases/),
      ]),
    )
  })

  it('splits a long section into passages of about 40 to 150 words at sentence boundaries', async () => {
    const { files, vocabulary } = await kbFiles(fixture('kb-small'))
    const result = compileKb(files, vocabulary)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const long = result.artifact.passages.filter((p) => p.heading.startsWith('A long passage'))
    expect(long.length).toBe(2)
    for (const p of long) {
      const words = p.text.split(' ').length
      expect(words).toBeGreaterThanOrEqual(40)
      expect(words).toBeLessThanOrEqual(150)
      expect(p.text).toMatch(/^Sentence \w+ of the long passage/)
      expect(p.text.endsWith('.')).toBe(true)
    }
    expect(result.artifact.passages.map((p) => p.id)).toEqual(['sample-source#1', 'sample-source#2', 'sample-source#3'])
    expect(result.artifact.passages[0]?.questions).toEqual(['How many CRCs were created?', 'Who supervises high-risk offenders?'])
  })

  it('gives byte-identical artifacts for the same input, whatever the file order', async () => {
    const { files, vocabulary } = await kbFiles(fixture('kb-small'))
    const a = compileKb(files, vocabulary)
    const b = compileKb([...files].reverse(), vocabulary)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('changes the version when any content changes', async () => {
    const { files, vocabulary } = await kbFiles(fixture('kb-small'))
    const a = compileKb(files, vocabulary)
    const edited = files.map((f) => ({ ...f, text: f.text.replace('Twenty-one', 'Twenty one') }))
    const b = compileKb(edited, vocabulary)
    expect(a.ok && b.ok && a.artifact.version !== b.artifact.version).toBe(true)
  })
})

// Each test starts the build in a new process, which takes seconds on a loaded machine.
describe('npm run kb:build', { timeout: 60_000 }, () => {
  it('writes the artifact and reports what it built', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-'))
    const out = join(dir, 'kb.json')
    const { code, stdout } = await build(fixture('kb-small'), out)
    expect(code).toBe(0)
    expect(stdout).toMatch(/1 documents, 3 passages, version [0-9a-f]{16}/)
    expect(JSON.parse(await readFile(out, 'utf8')).passages).toHaveLength(3)
  })

  it('leaves the previous artifact intact when the knowledge base is broken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-'))
    const out = join(dir, 'kb.json')
    await writeFile(out, '{"previous": true}')
    const { code, stderr } = await build(fixture('kb-broken'), out)
    expect(code).toBe(1)
    expect(stderr).toMatch(/^tests\/fixtures\/kb-broken\/sources\/broken-entry\.md:2: missing required field "publisher"$/m)
    expect(stderr).toMatch(/left unchanged/)
    expect(await readFile(out, 'utf8')).toBe('{"previous": true}')
    expect(await readdir(dir)).toEqual(['kb.json'])
  })
})
