import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createKb } from '../../engine'
import { compileKb } from '../../knowledge/compile'
import { fingerprint } from '../../knowledge/copy-check'
import { readKbDir } from '../../knowledge/read'

const run = promisify(execFile)
const fixture = (name: string) => join('tests/fixtures', name)
/** Fixtures use the project's lexicon. */
const kbInput = (name: string) => readKbDir(fixture(name), { lexicon: 'knowledge/lexicon.json' })

/** A maintainer's command run as npm runs it: its exit code and what it printed. */
function command(file: string, args: string[]) {
  return run('node_modules/.bin/tsx', [file, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  )
}

const build = (kb: string, out: string) => command('knowledge/build.ts', ['--kb', kb, '--out', out, '--lexicon', 'knowledge/lexicon.json'])

describe('compileKb', () => {
  it('reports every problem of a broken knowledge base as path:line: message', async () => {
    const result = compileKb(await kbInput('kb-broken'))
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
        expect.stringMatching(/vocabulary\.json:1: group 1 must list at least two phrases/),
      ]),
    )
  })

  it('requires a kind from the list and an address for every source that is not a seed', async () => {
    const result = compileKb(await kbInput('kb-broken'))
    const problems = result.ok ? [] : result.problems
    const p = 'tests/fixtures/kb-broken/sources/dates-and-sides.md'
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${p}:5: kind "pamphlet" is not one of parliament, audit, inspectorate`)),
        expect.stringMatching(new RegExp(`^${p}:2: missing "url"`)),
        expect.stringMatching(/wrong-name\.md:2: missing "url"/),
      ]),
    )
  })

  it('refuses a vocabulary phrase no question can match, holding a word questions lose before phrases are matched', async () => {
    const input = await kbInput('kb-ferries')
    const text = '{\n  "groups": [["HB", "Harbour Board"]],\n  "oneWay": [{ "from": ["still sailing"], "to": ["operating"] }]\n}\n'
    const result = compileKb({ ...input, vocabulary: { path: 'vocabulary.json', text } })
    expect(result.ok ? [] : result.problems).toEqual(['vocabulary.json:3: "still sailing" can never match a question: questions lose "still" before phrases are matched (lexicon question.notTopic)'])
  })

  it('refuses a listed question the service declines by its wording alone, at its file and line, since no visitor asking it gets an answer', async () => {
    const input = await kbInput('kb-ferries')
    const file = input.files.find((f) => f.text.includes('\nQuestions:\n')) as (typeof input.files)[number]
    const text = file.text.replace('\nQuestions:\n', '\nQuestions:\n- Who is going to fix the night routes?\n')
    const line = text.split('\n').indexOf('- Who is going to fix the night routes?') + 1
    const result = compileKb({ ...input, files: input.files.map((f) => (f === file ? { ...f, text } : f)) })
    expect(result.ok ? [] : result.problems).toEqual([
      `${file.path}:${line}: the listed question "Who is going to fix the night routes?" is declined by its wording (future): a visitor asking it gets no answer; ask what the passage tells`,
    ])
  })

  it('checks event dates, disagreement keys and page addresses (not one cut short with "...") on the line that gives them, that two sources take each side, and that each disagreement says what it is about', async () => {
    const result = compileKb(await kbInput('kb-broken'))
    const problems = result.ok ? [] : result.problems
    const p = 'tests/fixtures/kb-broken/sources/dates-and-sides.md'
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${p}:10: Date 2016-06-01 is after the source was published \\(2016-05\\)`)),
        expect.stringMatching(new RegExp(`^${p}:18: Date "last summer" is not a date`)),
        expect.stringMatching(new RegExp(`^${p}:19: Conflict "no-such-disagreement" is not a key of conflicts\\.json`)),
        expect.stringMatching(new RegExp(`^${p}:20: URL "not-an-address" must be an http`)),
        expect.stringMatching(new RegExp(`^${p}:26: URL "https://example\\.org/doc/881/an-inspection-of-the-night-ferries-f\\.\\.\\." is cut short \\(it ends in "\\.\\.\\."\\): give the whole address`)),
        'tests/fixtures/kb-broken/conflicts.json:2: "contract-value" is a side of no source\'s passages: mark a passage of each source that disagrees with Conflict: contract-value, or remove the key',
        'tests/fixtures/kb-broken/conflicts.json:3: "contract-length" must say what the sources disagree about, then a colon and their positions (e.g. "What the contracts were worth: £40m or £55m"): answers name what comes before the colon',
      ]),
    )
  })

  it('refuses a sentence that copies twenty words of a seed outside quotation marks, and allows a quotation', async () => {
    const seed = 'The chief inspector said that the probation service had been left in a sorry state by the reforms and that public ownership was the safer option for the core work of supervising offenders.'
    const input = await kbInput('kb-small')
    const sample = input.files[0]
    if (!sample) throw new Error('kb-small has no entry')
    const withSection = (body: string) => ({ ...input, seedPrints: fingerprint({ 'seed.txt': seed }), files: [{ ...sample, text: `${sample.text}\n## A copied section\n\n${body}\n` }] })
    const copied = compileKb(withSection(`According to one report, ${seed.toLowerCase()}`))
    expect(copied.ok ? [] : copied.problems).toEqual([
      expect.stringMatching(/sample-source\.md:\d+: a sentence of "A copied section" copies 3\d words in a row from seed seed\.txt outside quotation marks/),
    ])
    const quoted = compileKb(withSection(`One report put it this way: "${seed}" That was the chief inspector's verdict on the reforms.`))
    expect(quoted.ok).toBe(true)
  })

  it('derives the period from event dates, not publication dates', async () => {
    const input = await kbInput('kb-small')
    const result = compileKb(input)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(result.artifact.period).toMatchObject({ from: 2014, to: 2015 })
  })

  it('takes an everyday word the sources only ever write capitalised within a sentence for a name, but not a month', async () => {
    const input = await kbInput('kb-ferries')
    const result = compileKb(input)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const kb = createKb(result.artifact, 'bundled')
    // "Harbour Link" is the only "link"; "harbour" is also written in lower case ("the harbour").
    expect(kb.isEnglishWord('link')).toBe(false)
    expect(kb.isEnglishWord('harbour')).toBe(true)
    expect(kb.isEnglishWord('march')).toBe(true)
  })

  it('splits a long section into passages of about 40 to 150 words at sentence boundaries', async () => {
    const result = compileKb(await kbInput('kb-small'))
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
    const input = await kbInput('kb-small')
    const a = compileKb(input)
    const b = compileKb({ ...input, files: [...input.files].reverse() })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('changes the version when any content changes', async () => {
    const input = await kbInput('kb-small')
    const a = compileKb(input)
    const b = compileKb({ ...input, files: input.files.map((f) => ({ ...f, text: f.text.replace('Twenty-one', 'Twenty one') })) })
    expect(a.ok && b.ok && a.artifact.version !== b.artifact.version).toBe(true)
  })
})

describe('the examples maintainers start from', () => {
  it('builds the example entry in knowledge/README.md as it stands', async () => {
    const readme = await readFile('knowledge/README.md', 'utf8')
    const example = /### An example that builds\n\n```markdown\n([\s\S]*?)\n```/.exec(readme)?.[1]
    expect(example).toBeDefined()
    const input = await kbInput('kb-small')
    const result = compileKb({ ...input, files: [...input.files, { path: 'knowledge/sources/example-2014-split.md', text: example as string }] })
    expect(result.ok ? [] : result.problems).toEqual([])
  })

  it('builds the entry npm run kb:new scaffolds, and refuses an id that is not a slug or is taken', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-new-'))
    await mkdir(join(dir, 'sources'))
    const scaffold = (id: string) => run('node_modules/.bin/tsx', ['knowledge/new.ts', id, '--kb', dir]).then(() => 0, (err: { code: number }) => err.code)
    expect(await scaffold('example-2026-new-entry')).toBe(0)
    const input = await kbInput('kb-small')
    const text = await readFile(join(dir, 'sources', 'example-2026-new-entry.md'), 'utf8')
    const result = compileKb({ ...input, files: [...input.files, { path: 'knowledge/sources/example-2026-new-entry.md', text }] })
    expect(result.ok ? [] : result.problems).toEqual([])
    expect(await scaffold('example-2026-new-entry')).toBe(2)
    expect(await scaffold('Not_A_Slug')).toBe(2)
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

describe("the maintainers' commands", { timeout: 60_000 }, () => {
  it('print their usage for --help, and for an unknown option one line saying what is wrong and the usage, exit 2, with no stack trace', async () => {
    const help = await command('knowledge/explain.ts', ['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^`npm run kb:explain -- "question"/)
    const wrong = await command('knowledge/eval.ts', ['--kbb', 'x'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/^kb:eval: Unknown option '--kbb'/)
    expect(wrong.stderr).toContain('`npm run kb:eval [file.jsonl ...]`')
    expect(wrong.stderr).not.toMatch(/\n\s+at /)
  })
})
