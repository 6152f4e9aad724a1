/**
 * `npm run kb:new -- <id> [--kb <dir>]`: writes <dir>/sources/<id>.md (default knowledge/) from a template
 * that builds as it is, for a maintainer to fill in. Refuses an id that is not
 * a slug or is already taken, saying why.
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { commandArgs } from './cli'

const { values, positionals } = commandArgs(import.meta.url, { options: { kb: { type: 'string', default: 'knowledge' } }, allowPositionals: true })
const id = positionals[0] ?? ''
const path = join(values.kb, 'sources', `${id}.md`)

function fail(message: string): never {
  console.error(`kb:new: ${message}`)
  process.exit(2)
}

if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
  fail(`give the new entry's id, a slug of lower-case letters, digits and single hyphens, e.g. npm run kb:new -- nao-2019-progress-review`)
}
if (existsSync(path)) fail(`${path} already exists; choose another id or edit that entry`)

const today = new Date().toISOString().slice(0, 10)
const year = today.slice(0, 4)
await writeFile(
  path,
  `---
id: ${id}
title: "[The source's own headline, or its description in square brackets]"
publisher: "[Who published it]"
kind: news
published: "${today}"
url: "https://example.org/replace-with-the-address-where-you-found-it"
summary: "[One sentence saying what the source is about.]"
---

## [The event, briefly, as the timeline should show it]

Date: ${year}

[The passage in your own words, 40 to 150 words. The first sentence answers the obvious question, with its figure, date or name in it. Every sentence names its subject. Quote only short phrases whose exact words matter, and say who said them. Replace the Date line with the event's date, as precise as the source gives it, or delete it if the passage reports no event.]

Questions:
- [A question this passage answers, in a visitor's words]
- [Another, using words the passage lacks]
`,
)
console.log(`kb:new: wrote ${path}. Fill in every [bracketed] part and the url, then run npm run kb:build (knowledge/README.md says how).`)
