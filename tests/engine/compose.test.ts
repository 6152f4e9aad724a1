/**
 * Composition on a small knowledge base about another subject (ferries):
 * which sentence answers, what may be added, how sources that agree and
 * sources that disagree are cited, and when nothing answers. Every citation's
 * quote must be found, as written, in its passage.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answer, compose, composeContext, conversation, createKb, listedQuestion, plan, retrieve, saidBefore, understand, warmUp, warmUpQuestions, type Answer, type Kb } from '../../engine'
import { compileKb } from '../../knowledge/compile'
import { readKbDir } from '../../knowledge/read'
import { composeHolder } from '../../engine/compose'
import { datesNamed, figureSorts, givesOtherFigure, kindScore, namesGiven, type KindContext } from '../../engine/kinds'
import { toTerm } from '../../engine/text'

const compiled = compileKb(await readKbDir('tests/fixtures/kb-ferries', { lexicon: 'knowledge/lexicon.json' }))
if (!compiled.ok) throw new Error(compiled.problems.join('\n'))
const kb = createKb(compiled.artifact, 'bundled')
const ask = (question: string, history: string[] = []) => answer(kb, question, history.map((q) => ({ question: q })))
const context = composeContext(kb)

/** A knowledge base of its own, in a fresh folder: each source file's text by its name, a vocabulary and the disagreements between sources. */
async function smallKb(sources: Record<string, string>, vocabulary: object = { groups: [], oneWay: [] }, conflicts: Record<string, string> = {}): Promise<Kb> {
  const dir = await mkdtemp(join(tmpdir(), 'kb-small-'))
  await mkdir(join(dir, 'sources'))
  await writeFile(join(dir, 'vocabulary.json'), JSON.stringify(vocabulary))
  await writeFile(join(dir, 'conflicts.json'), JSON.stringify(conflicts))
  for (const [name, text] of Object.entries(sources)) await writeFile(join(dir, 'sources', name), text)
  const built = compileKb(await readKbDir(dir, { lexicon: 'knowledge/lexicon.json' }))
  if (!built.ok) throw new Error(built.problems.join('\n'))
  return createKb(built.artifact, 'bundled')
}
/** A one-passage source of the Harbour Gazette, for a knowledge base of a test's own. */
const gazette = (id: string, heading: string, date: string, text: string, question: string) =>
  `---\nid: ${id}\ntitle: "${heading}"\npublisher: "Harbour Gazette"\nkind: news\npublished: "2019-05-02"\nurl: "https://gazette.example/${id}"\nsummary: "The Gazette on the harbour."\n---\n\n## ${heading}\n\nDate: ${date}\n\n${text}\n\nQuestions:\n- ${question}\n`
/** What kindScore reads of a question: none of it but `fields`. */
const kindContext = (fields: Partial<KindContext> = {}): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set(), countNamed: new Set(), matched: new Set(), asksAttribution: false, yearsAsked: new Set(), ...fields })

/** The answer's sentences, without their markers, first first. */
const sentencesOf = (a: Answer) => a.answer.split(/(?<=\])\s+/).map((s) => s.replace(/\s*(\[\d+\])+$/, ''))

function expectFindableQuotes(a: Answer) {
  for (const c of a.citations) {
    const passage = kb.artifact.passages.find((p) => p.id === c.passageId)
    expect(passage?.text, c.quote).toContain(c.quote)
  }
}

describe('compose', () => {
  it('puts the sentence holding what was asked for first: a figure for "how many"', async () => {
    const a = await ask('how many crossings were cancelled?')
    expect(a.answered).toBe(true)
    expect(sentencesOf(a)[0]).toMatch(/^The Harbour Board found that 120 crossings were cancelled/)
    expectFindableQuotes(a)
  })

  it('reads what the visitor last told without asking as said before the question in the same message, not as a question answered in turn', async () => {
    const told = 'harbour link went into administration in 2019'
    const a = await ask('who ran its routes after that', [told])
    expect(a.answer).toMatch(/operated by the Harbour Board/)
    expect(a).toEqual(await ask(`${told}. who ran its routes after that?`))
    const earlier = [{ question: 'who won the ferry contracts?' }, { question: told }]
    const read = await conversation(kb, 'who ran its routes after that', earlier)
    expect(read.question).toBe(`${told}. who ran its routes after that?`)
    expect(read.history.map((t) => t.question)).toEqual(['who won the ferry contracts?'])
    // Statements in a row are all said before it.
    expect((await conversation(kb, 'who ran its routes after that', [{ question: 'the operators won in 2015' }, { question: told }])).question).toBe(`the operators won in 2015. ${told}. who ran its routes after that?`)
    // A question, a claim put to be checked ("…, didn't it"), what the visitor says of themselves or of someone they know, and what
    // would be declined (private details) stay turns of their own; so does a statement the question would not stand apart from.
    for (const asked of [
      'did harbour link go into administration in 2019',
      'harbour link went into administration in 2019, didnt it',
      'i used to crew the night ferries',
      'my brother crewed the night ferries',
      'my phone number is 07700 900123',
      'the operators won in 2015. was a long wait',
    ]) {
      expect((await conversation(kb, 'who ran its routes after that', [{ question: asked }])).question).toBe('who ran its routes after that')
    }
    // A question word joining a clause to the statement ("…when…", "…who…") asks nothing; one heading a clause of its own does.
    for (const statement of ['harbour link ran the routes when the night ferries stopped in 2019', 'the crews who struck in 2019 worked for harbour link', 'Harbour Link, which ran the routes, folded in 2019', "the crews' know-how was praised in 2019", 'in 2019 the firm which ran the routes folded', 'the board decided which routes closed', 'harbour link folded in 2019 which left the routes unrun']) {
      expect((await conversation(kb, 'who ran its routes after that', [{ question: statement }])).question).toBe(`${statement}. who ran its routes after that?`)
    }
    for (const asked of ['in 2019 how many crossings were cancelled', 'the night ferries stopped in 2019, who ran them', 'on what date did harbour link fold', 'in 2019 who ran the routes', 'ok so who ran the routes', 'the night ferries stopped whats the reason', 'harbour link ran them for how long', 'harbour link ran how many routes', 'harbour link folded which year', 'harbour link folded in 2019 who took over']) {
      expect((await conversation(kb, 'who ran its routes after that', [{ question: asked }])).question).toBe('who ran its routes after that')
    }
    // Small talk after a statement is still small talk, and abuse of the assistant is no statement to read with the next question.
    expect((await ask('thanks', [told])).answer).toBe((await ask('thanks')).answer)
    expect((await conversation(kb, 'who ran the night routes?', [{ question: 'whoever built this is a clown, get lost' }])).question).toBe('who ran the night routes?')
    // "Who replaced her?" after a statement means the person the visitor named in it, typed in lower case.
    expect((await ask('who replaced her', ['kerensa polglaze was chair of the harbour board when the night routes were cut'])).answer).toMatch(/^Tamsin Trevail/)
    expect((await ask('who did she replace', ['kerensa polglaze chaired the harbour board'])).answer).toContain('succeeding Jo Bluewater')
    // Told after a question, the statement's person still wins over the last answer's; "her deputy" is someone else.
    expect((await ask('who replaced her', ['who won the ferry contracts?', 'kerensa polglaze chaired the harbour board'])).answer).toMatch(/^Tamsin Trevail/)
    // After a question, the person it named in full is who it was about ("who was X?"), unless it asked for someone ("who replaced X?").
    const about = { question: 'who was Kerensa Polglaze?', answer: 'Tamsin Trevail replaced Kerensa Polglaze as chair in 2020. [1]' }
    expect(understand('when did she become chair?', [about], kb.language).eventAsked?.names).toEqual(['kerensa', 'polglaze'])
    const sought = { question: 'who replaced Kerensa Polglaze as chair?', answer: 'Tamsin Trevail replaced Kerensa Polglaze as chair in 2020. [1]' }
    const weight = (w: string) => understand('was she a sailor?', [sought], kb.language).slots.find((s) => s.typed.includes(w))?.weight
    expect([weight('trevail'), weight('polglaze')]).toEqual([1, 0.5])
    // A question asking for someone by a possessive "successor" asks for someone too.
    const successor = { question: "what did Kerensa Polglaze's successor do?", answer: 'Tamsin Trevail replaced Kerensa Polglaze as chair in 2020. [1]' }
    expect(understand('when did she become chair?', [successor], kb.language).eventAsked?.names).toEqual(['tamsin', 'trevail'])
    // A person named with their organisation is the person.
    const quoted = { question: 'who said the night routes were a shambles?', answer: 'The blog quoted Tamsin Trevail of the Harbour Board: "a shambles". [1]' }
    expect(understand('which organisation is she with?', [quoted], kb.language).slots.find((s) => s.typed.includes('trevail'))?.weight).toBe(1)
    const deputy = await conversation(kb, 'who replaced her deputy', [{ question: 'kerensa polglaze chaired the harbour board' }])
    expect(understand(deputy.question, deputy.history, kb.language).succession).toBeUndefined()
    // Asked alone, a question word anywhere makes a question: "ok so who won…" is no statement to decline as empty.
    expect((await ask('ok so who won the ferry contracts')).answered).toBe(true)
  })

  it('leads, after what the visitor told, with a sentence holding a word of the question itself rather than one saying back what they told', async () => {
    const a = await ask('Harbour Link went into administration in February 2019. Who ran its boats after that?')
    expect(sentencesOf(a)[0]).toMatch(/^Its crews and boats stayed on the same routes, operated by the Harbour Board/)
    expect(sentencesOf(a)).toContain('Harbour Link went into administration in February 2019, the Harbour Blog said, the first of the operators to fail.')
    // Asked without telling it, the question is answered by the best sentence, as before.
    expect(sentencesOf(await ask('Who ran the boats of Harbour Link after it went into administration?'))[0]).not.toMatch(/^Its crews/)
  })

  it('answers a follow-up from the source the last answer quoted first, of sentences that answer about as well', async () => {
    const { history: turns } = await conversation(kb, 'who said so?', [{ question: 'who ran the night routes' }])
    expect(turns.at(-1)?.source).toBe((await ask('who ran the night routes')).citations[0]?.sourceId)
    const a = await ask('who said so?', ['who ran the night routes'])
    expect(a.citations[0]?.sourceId).toBe(turns.at(-1)?.source)
    expect(sentencesOf(a)[0]).toBe('The Gazette said Bluewater would run the night routes.')
    // Only a follow-up reads where the last answer came from; a question of its own does not.
    expect(understand('who said so?', turns, kb.language).lastSource).toBe(turns.at(-1)?.source)
    expect(understand('who said the harbour board cut the night routes?', turns, kb.language).lastSource).toBeUndefined()
  })

  it('leads an answer to "was that before or after…?" with which, by the dates of the last answer\'s event and the answer\'s', async () => {
    // The question's own event against the last answer's.
    const own = await ask('and the night routes being cut, was that before or after that?', ['when were the ferry contracts awarded?'])
    expect(own.answer).toMatch(/^After, as my sources date them: 1 February 2015, then March 2016\. The operators/)
    expect(own.answer).toContain('The operators cut back the night routes in March 2016')
    // The last answer's event against the one the question names.
    const named = await ask('was that before or after the ferry service returned to public control?', ['when were the night routes cut?'])
    expect(named.answer).toMatch(/^Before, as my sources date them: March 2016, then 26 June 2021\. The ferry service returned/)
    expectFindableQuotes(named)
    // The pointer after the comparison makes the question's own event the one placed, whatever the question opens with.
    expect((await ask('did it cut the night routes before or after that?', ['when did the ferry service return to public control?'])).answer).toMatch(/^Before, as my sources date them: March 2016, then 26 June 2021\./)
    // No lead where the answer's first sentence does not give its date.
    expect((await ask('were the harbour cafés sold before or after that?', ['when were the night routes cut?'])).answer).not.toMatch(/^(Before|After)\b/)
    // A day and month its passage's year completes ("on Friday 1 July") give the date.
    const text = (what: string) => `${what}, the Gazette reported, in a report on the ferries that run between the islands and the mainland for the harbour board.`
    const small = await smallKb({
      'cut.md': gazette('cut', 'Night routes cut', '2016-03-04', text('The operators cut the night routes on 4 March 2016'), 'When were the night routes cut?'),
      'fares.md': gazette('fares', 'Fares rise', '2016-07-01', text('Fares on the island ferries rose by £2 a ticket on Friday 1 July'), 'How much did fares rise?'),
    })
    expect((await answer(small, 'was that before or after the fares on the island ferries rose?', [{ question: 'when were the night routes cut?' }])).answer).toMatch(/^Before, as my sources date them: 4 March 2016, then 1 July 2016\./)
    // No lead where the two events share a date, nor against a year the question names rather than an event.
    expect((await ask('and the island routes going back, was that before or after that?', ['when did the ferry service return to public control?'])).answer).not.toMatch(/^(Before|After)\b/)
    expect((await ask('and did the fares rise before or after 2016?', ['when were the night routes cut?'])).answer).not.toMatch(/^(Before|After)\b/)
  })

  it('puts first, in a follow-up, a sentence from a passage naming a name the conversation carried over, above one from a passage that names none of it', async () => {
    const small = await smallKb({
      'gazette-crews.md': "---\nid: gazette-crews\ntitle: \"Crews strike\"\npublisher: \"Harbour Gazette\"\nkind: news\npublished: \"2019-05-02\"\nurl: \"https://gazette.example/crews\"\nsummary: \"The Gazette on the crews' strike.\"\n---\n\n## Crews strike over night rotas\n\nDate: 2019-04\n\nFerry crews went on strike over night rotas in April 2019, the Gazette reported, and the crossings stopped for a day. The Gazette said the crews on strike wanted shorter shifts, and that crews would strike again.\n\nQuestions:\n- Why did the ferry crews strike over night rotas?\n",
      'blog-kernowline.md': "---\nid: blog-kernowline\ntitle: \"Kernowline and its crews\"\npublisher: \"Harbour Blog\"\nkind: blog\npublished: \"2019-06-01\"\nurl: \"https://blog.example/kernowline\"\nsummary: \"The Harbour Blog on Kernowline.\"\n---\n\n## Kernowline runs the north pier routes\n\nDate: 2019-06\n\nKernowline ran the north pier routes from 2015 with its own crews, the Harbour Blog said. Kernowline staff went on strike in May 2019 because the company cut their pay.\n\nQuestions:\n- What did Kernowline run?\n",
    }, { groups: [['Kernowline', 'Kernow Line']], oneWay: [] })
    // Alone, the passage holding more of the question answers; after a question naming Kernowline, the one naming it does.
    expect((await answer(small, 'did its crews go on strike?')).answer).toMatch(/^Ferry crews went on strike/)
    expect((await answer(small, 'did its crews go on strike?', [{ question: 'what did kernowline run?' }])).answer).toMatch(/^Kernowline staff went on strike/)
  })

  it('reads a short question whose own words find no answer as leaning on the one before, but answers nothing of the earlier topic alone', async () => {
    expect((await ask('approved on what date?')).answered).toBe(false)
    const dated = await ask('approved on what date?', ['why were the night routes cut?'])
    expect(sentencesOf(dated)[0]).toBe('The Harbour Board approved the cut to the night routes on 14 March 2016.')
    expect((await ask('settling in after how long?', ['what did ferry staff tell the survey in july 2021?'])).answer).toContain('six years')
    // Off the subject, its own words are held by no sentence of the earlier topic.
    expect((await ask('best pizza in town', ['when were the ferry contracts awarded?'])).answered).toBe(false)
  })

  it('answers "when was that?" of a sentence without a date, holding the rest of the question, with its passage\'s event date', async () => {
    const a = await ask('passengers complained about the cancellations to the harbour board - when was that?')
    expect(sentencesOf(a)[0]).toBe('My sources date this to December 2015: Passengers complained about the cancellations to the Harbour Board.')
    expect(a.citations[0]?.date).toBe('2015-12')
    expectFindableQuotes(a)
    // A sentence holding too little of the question (the rating, not the complaints) gives its passage's date to nothing.
    expect((await ask('the harbour board rated harbour link poor and passengers complained - when was that?')).answered).toBe(false)
  })

  it('names whoever came before or after a person, reading which way round the sentence says it', async () => {
    // "X, …, was appointed …, succeeding Y": Y came before X, however much lies between.
    expect(sentencesOf(await ask('who was chair before Kerensa Polglaze?'))[0]).toMatch(/succeeding Jo Bluewater/)
    // "her predecessor X": whoever says it came after X.
    expect(sentencesOf(await ask('who came after Kerensa Polglaze?'))[0]).toMatch(/^Tamsin Trevail/)
    expect(sentencesOf(await ask("who was Kerensa Polglaze's successor?"))[0]).toMatch(/^Tamsin Trevail/)
    // A listed question asking who came before someone answers no question asking who came after them, however many words they share.
    const asks = (q: string) => listedQuestion(q, kb.language.lexicon, () => 1).asks
    expect(asks('who was chair before Kerensa Polglaze?')).not.toBe(asks('who took over from Kerensa Polglaze as chair?'))
    expect(asks('who took over from Kerensa Polglaze as chair?')).toBe(asks('who replaced Kerensa Polglaze?'))
  })

  it('answers a question about now from the passage on how things stand that it asks about, not merely the latest', async () => {
    const a = await ask('do private operators still run the ferry service?')
    expect(sentencesOf(a)[0]).toMatch(/returned to public control on 26 June 2021/)
    expect(a.asOf).toBe('2021-06-26')
  })

  it('answers an open question about now from how things stand, though an older passage holds more of its words, rather than pass the older state off as the latest', async () => {
    for (const q of ['my brother worked the night routes for harbour link in 2016, who runs those routes these days?', 'who runs the ferry routes that tidal lines had, now?']) {
      const a = await ask(q)
      expect(a.asOf, q).toBe('2021-06-26')
      expect(a.answer, q).toMatch(/^As of 26 June 2021, the latest my sources record: The ferry service returned to public control/)
    }
    // Only in place of an older state: what the sources never answer stays declined.
    expect((await ask('who sells ferry tickets now?')).answered).toBe(false)
  })

  it('settles "is X still…?" with how things stand when that says what became of what X did, however little of X it names', async () => {
    const a = await ask('does Bluewater still run the night routes the Gazette named')
    expect(sentencesOf(a)[0]).toMatch(/its own crews would run every route/)
    expect(a.asOf).toBe('2021-06-26')
  })

  it('settles "is X still doing Y?" with how things stand, then says what X did, when only an older passage names X', async () => {
    const a = await ask('is tidal lines still running crossings')
    expect(a.citations.map((c) => c.sourceId)).toEqual(['board-2021-ferry-review', 'gazette-2015-ferry-contracts'])
    expect(a.citations[0]?.passageId).toBe('board-2021-ferry-review#2')
    expect(sentencesOf(a)[1]).toMatch(/Tidal Lines and Harbour Link, won the ferry contracts/)
    expect(a.asOf).toBe('2021-06-26')
    expectFindableQuotes(a)
    // A figure asked for about now is not led by a state that gives none.
    expect(sentencesOf(await ask('how much are the ferry contracts worth now?'))[0]).toMatch(/worth £40m/)
  })

  it('answers which paper, magazine or news agency said something with the sentence naming the publisher, though no passage says what sort of publisher it is', async () => {
    for (const q of ['which news agency said three operators won the ferry contracts?', 'which magazine ran the story that three operators won the ferry contracts?']) {
      const a = await ask(q)
      expect(a.answered, q).toBe(true)
      expect(sentencesOf(a)[0], q).toMatch(/the Gazette reported/)
    }
  })

  it('settles a yes/no question about a figure with the figure the sources give, when the one asked about is wrong', async () => {
    expect(sentencesOf(await ask('were more than 300 crossings cancelled in the first winter?'))[0]).toMatch(/120 crossings were cancelled/)
    expect(sentencesOf(await ask('were the ferry contracts worth more than £90m?'))[0]).toMatch(/worth £40m in total/)
    // A figure an open question names still says what it is about, unless it is given roughly.
    expect((await ask('when were the 300 crossings cancelled?')).answered).toBe(false)
    expect(sentencesOf(await ask('roughly 100 crossings were cancelled in the first winter - how many exactly?'))[0]).toMatch(/120 crossings were cancelled/)
  })

  it('reads what sort of figure a number is where it is written, commas between thousands or not', () => {
    const { lexicon } = kb.language
    expect(figureSorts('The board employed 1,200 crews.', '1200', lexicon)).toEqual(new Set(['count']))
    expect(figureSorts('The board met on 25 June 2016 and cut 25% of routes.', '25', lexicon)).toEqual(new Set(['day', 'share']))
    expect(figureSorts('Fares rose by £25m and crews struck for 25 hours.', '25', lexicon)).toEqual(new Set(['sum', 'time taken']))
    expect(figureSorts('The crews held a 24-hour strike over a 24/7 rota, said paper HC 24.', '24', lexicon)).toEqual(new Set(['span']))
  })

  it('takes a figure asked about for the same sort of figure only: "25 routes" is not "25 June"', async () => {
    const small = await smallKb({
      'met.md': gazette('met', 'Board meeting', '2016-06-25', 'The Harbour Board met on 25 June 2016 to review its night routes across the islands, the Gazette reported, and said the crossings would be kept for the summer season.', 'When did the board meet?'),
      'routes.md': gazette('routes', 'How many routes', '2016-07-02', 'The Harbour Board ran 21 night routes across the islands, the Gazette reported, each one sailed by the operators under contract to the board since 2015.', 'How many night routes were there?'),
    })
    // An open question's figure says what it is about: no sentence here speaks of 25 routes.
    expect((await answer(small, 'what happened to the 25 night routes across the islands?', [])).answered).toBe(false)
    // A span of the visitor's own life is no figure the answer must hold.
    expect(sentencesOf(await answer(small, 'lived on the islands 25 years - how many night routes did the board run?', []))[0]).toMatch(/ran 21 night routes/)
  })

  it('answers "what happened in 2016?" with the months its sources report most, and "give me a timeline" with each year\'s most reported month, in date order, each by its best-reported event, quoted and cited', async () => {
    const text = (what: string) => `${what}, the Gazette reported, in a report on the ferries that run between the islands and the mainland for the harbour board.`
    const small = await smallKb({
      'cut.md': gazette('cut', 'Night routes cut', '2016-03-04', text('The operators cut the night routes on 4 March 2016'), 'When were the night routes cut?'),
      'cut-herald.md': gazette('cut-herald', 'Night routes cut', '2016-03-04', text('Both operators stopped sailing at night from 4 March 2016'), 'Who stopped sailing at night?').replaceAll('Harbour Gazette', 'Island Herald'),
      'fares.md': gazette('fares', 'Fares rise', '2016-07-01', text('Fares rose by £2 a ticket on 1 July 2016'), 'When did fares rise?'),
      'strike.md': gazette('strike', 'Crews strike', '2016-09-12', text('The crews held a 12-hour strike on 12 September 2016'), 'When did the crews strike?'),
      'board.md': gazette('board', 'Board meets', '2016-11', text('The harbour board met in November 2016 to review the contracts'), 'When did the board meet?'),
      'old.md': gazette('old', 'Contracts let', '2015-02-01', text('The board let the ferry contracts on 1 February 2015'), 'When were the contracts let?'),
    })
    const a = await answer(small, 'what happened in 2016?', [])
    expect(a.answered).toBe(true)
    expect(a.answer).toMatch(/^My sources report 4 events in 2016; the months they report most:/)
    // March (two sources) first; the last three months weigh the same, so the earlier two of them follow.
    expect(a.answer).toMatch(/4 March 2016.*\[1\].*rose by £2.*\[2\].*12-hour strike.*\[3\]$/)
    expect(a.citations.map((c) => c.date)).toEqual(['2016-03-04', '2016-07-01', '2016-09-12'])
    for (const c of a.citations) expect(small.artifact.passages.find((p) => p.id === c.passageId)?.text).toContain(c.quote)
    // A question about one thing that year is answered as any other.
    expect((await answer(small, 'what happened to the fares in 2016?', [])).answer).not.toMatch(/months they report most/)
    expect((await answer(small, 'what happened in 2015?', [])).answer).not.toMatch(/months they report most/)
    // Asked for the whole story, each year's most reported month tells it, in date order.
    for (const asked of ['give me a timeline', 'can you give me a timeline?', 'give me an overview please']) {
      const story = await answer(small, asked, [])
      expect(story.answer, asked).toMatch(/^My sources report 5 events from 2015 to 2016; the most reported month of the years they report most:/)
      expect(story.citations.map((c) => c.date)).toEqual(['2015-02-01', '2016-03-04'])
    }
    // Of more years than it tells, the busiest: each of nine years has one event, but 2016 has two sources.
    const years = Array.from({ length: 9 }, (_, i) => 2008 + i)
    const many = await smallKb(Object.fromEntries(years.map((y) => [`y${y}.md`, gazette(`y${y}`, `Timetable ${y}`, `${y}-05-01`, text(`The board set the ${y} timetable on 1 May ${y}`), `When was the ${y} timetable set?`)]).concat([['herald.md', gazette('herald', 'Timetable 2016', '2016-05-01', text('The Herald said the 2016 timetable was set on 1 May 2016'), 'Who set the 2016 timetable?').replaceAll('Harbour Gazette', 'Island Herald')]])))
    expect((await answer(many, 'give me a timeline', [])).citations.map((c) => c.date?.slice(0, 4))).toEqual(['2008', '2009', '2010', '2011', '2012', '2013', '2014', '2016'])
    // A timeline of one thing is asked as any other question.
    expect((await answer(small, 'give me a timeline of the crew strikes', [])).answer).not.toMatch(/one a year/)
  })

  it('settles a claim of a count ("were there 25 night routes?") with the count the sources give, where the best answer gives 25 as no count', async () => {
    const small = await smallKb({
      'share.md': gazette('share', 'Night routes cut', '2016-07-01', 'The Harbour Board said that 25 per cent of its night routes had been cut across the islands since the operators took over the crossings from the council.', 'How many night routes were cut?'),
      'routes.md': gazette('routes', 'How many routes', '2016-07-02', 'The Harbour Board ran 21 night routes across the islands, the Gazette reported, each one sailed by the operators under contract to the board since 2015.', 'How many night routes were there?'),
    })
    expect(sentencesOf(await answer(small, 'is it true there were 25 night routes across the islands?', []))[0]).toMatch(/ran 21 night routes/)
    // A figure taken as known ("the 25 routes") is no claim.
    expect(sentencesOf(await answer(small, 'were the 25 night routes across the islands cut?', []))[0]).toMatch(/25 per cent/)
  })

  it('answers a follow-up asking only for a kind of answer with words of its own ("how long did it run for?") from a sentence of that kind on what was talked about', async () => {
    const small = await smallKb({
      'consult.md': gazette('consult', 'Fares consultation', '2016-03-03', 'A consultation on harbour ferry fares asked passengers and crews what they thought of ticket prices across the islands, the Gazette reported. The consultation on harbour ferry fares opened on 3 March 2016 and closed on 28 April 2016.', 'What was the fares consultation?\n- When did the fares consultation run?'),
      'routes.md': gazette('routes', 'How many routes', '2016-07-02', 'The Harbour Board ran 21 night routes across the islands, the Gazette reported, each one run by the operators under contract to the board since 2015.', 'How many night routes were there?'),
    })
    const a = await answer(small, 'how long did it run for?', [{ question: 'what was the harbour ferry fares consultation?' }])
    expect(sentencesOf(a)[0]).toMatch(/opened on 3 March 2016 and closed on 28 April 2016/)
  })

  it('settles a yes/no question about a year with the year the sources give, when the one asked about is wrong; an open question keeps to its year', async () => {
    expect(sentencesOf(await ask('did the operators cut the night routes in 2017?'))[0]).toMatch(/cut back the night routes in March 2016/)
    expect((await ask('when did the operators cut the night routes in 2017?')).answered).toBe(false)
  })

  it('settles "is X still Y?" after a scene-setting clause with how things stand, from a sentence that speaks of Y', async () => {
    const a = await ask('my cousin works on the ferries, are the crews still with the operators')
    expect(sentencesOf(a)[0]).toMatch(/returned to public control on 26 June 2021, when the Harbour Board took back every route from the three operators/)
    expect(a.asOf).toBe('2021-06-26')
  })

  it('finds a sum written out ("£40 million") where the sources write it short ("£40m"), and takes a question naming a sum for one about it, not one asking for a sum', async () => {
    expect(sentencesOf(await ask('what was worth £40 million'))[0]).toMatch(/worth £40m in total/)
    expect(understand('who said the ferry contracts were worth £40m?', [], kb.language).kind).not.toBe('money')
    expect(understand('how much were the ferry contracts worth?', [], kb.language).kind).toBe('money')
  })

  it('answers from the passage whose listed question asks what was asked, even where no sentence reads as that kind of answer ("what is HB 42?")', async () => {
    expect(sentencesOf(await ask('whats HB 42?'))[0]).toMatch(/as paper HB 42 of 2021/)
  })

  /** "bluewater night": its passage holding both concepts and one holding only one, to set scores and coverage on. */
  async function wholeAndPartial() {
    const query = understand('bluewater night', [], kb.language)
    const found = await retrieve(kb, query)
    const whole = found.hits.find((h) => h.coverage === 1)
    const partial = found.hits.find((h) => h.coverage < 0.5)
    if (!whole || !partial) throw new Error('the fixture no longer gives a whole and a partial match')
    return { query, found, whole, partial }
  }

  it('does not refuse a question as too little covered when a passage scoring below the best holds every concept of it', async () => {
    const { query, found, whole, partial } = await wholeAndPartial()
    // As if the passage holding one concept had scored best.
    const retrieval = { ...found, hits: [{ ...partial, score: whole.score + 1 }, whole] }
    expect(plan(retrieval, query, context).refused).not.toBe('too little of the question covered')
    expect(plan({ ...retrieval, hits: [retrieval.hits[0] as (typeof retrieval.hits)[number]] }, query, context).refused).toBe('too little of the question covered')
  })

  it('counts what a visitor told before asking only where a passage or sentence holds it: a story the sources never mention costs nothing, one they hold adds', async () => {
    const measured = async (q: string) => {
      const query = understand(q, [], kb.language)
      const found = await retrieve(kb, query)
      const top = found.hits[0]
      const first = plan(found, query, context).candidates[0]
      if (!top || !first) throw new Error(`the fixture no longer answers "${q}"`)
      return { passage: top.record.heading, coverage: top.coverage, own: first.ownCoverage, sentence: first.sentence }
    }
    const plain = await measured('When did the ferry crews go on strike?')
    expect(await measured('My nan keeps telling the whole street about her cruises. When did the ferry crews go on strike?')).toEqual(plain)
    const held = await measured('The crews were fed up with their night rotas. When did the ferry crews go on strike?')
    expect(held.passage).toBe(plain.passage)
    expect(held.coverage).toBeGreaterThan(plain.coverage)
    // Nor does a story weaken the match with a passage's listed question, nor its names count as words the sources lack.
    const listed = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).hits[0]?.listed?.similarity
    expect(await listed('My nan keeps telling the whole street about her cruises. Who won the ferry contracts?')).toBe(await listed('Who won the ferry contracts?'))
    expect((await ask('My nan lives in Zorbleton near Quaxford. Who ran the night routes in 2016?')).answered).toBe(true)
  })

  it('takes a figure the visitor told before a question of no words of its own as what the question is about, not a figure the answer must repeat', async () => {
    const small = await smallKb({
      'ratings.md': gazette('ratings', 'Route ratings', '2018-05-02', 'The Harbour Board rated the Pier Line poor in its 2018 review of the night routes, the only route it rated that low, the Gazette reported.', 'Which route did the board rate poor?'),
      'fleet.md': gazette('fleet', 'The fleet', '2018-04-02', 'The Harbour Board counted 12 night routes across the islands in its 2018 review, the Gazette reported, all of them sailed by the two island operators.', 'How many night routes were there?'),
    })
    const a = await answer(small, 'which one was that', [{ question: 'the harbour board rated all 12 night routes in 2018 and only one came out poor' }])
    expect(a.answered).toBe(true)
    expect(sentencesOf(a)[0]).toContain('Pier Line')
  })

  it('reads "his" or "her" after a question naming someone as that person\'s, so "her appointment" is a post, not a case of one\'s own', () => {
    const declined = (q: string, history: string[] = []) => understand(q, history.map((question) => ({ question })), kb.language).decline
    expect(declined('who announced her appointment?', ['when did Morwenna Jory become treasurer?'])).toBeUndefined()
    expect(declined('who announced her appointment?')).toBe('personal')
    // So after a story naming them.
    expect(declined('Morwenna Jory became treasurer in 2019. who announced her appointment?')).toBeUndefined()
    // Someone the visitor knows is named by no name: their appointment is still their own case, whoever was named before.
    expect(declined('can she move her appointment?', ['my sister is on licence'])).toBe('personal')
    expect(declined('my mum reckons her officer was rude. should she complain?', ['when did Morwenna Jory become treasurer?'])).toBe('personal')
  })

  it('answers "such as?" or "like what?" after a question with the sentence giving examples of what it asked about', async () => {
    const small = await smallKb({
      'services.md': gazette(
        'services',
        'Board on private firms',
        '2018-05-02',
        'The Harbour Board said most ferry services should stay in public hands after its review of the night routes. The Harbour Board said private firms running ferry services had cut the night routes twice, and that it would review its contracts with those firms. Some smaller services, such as ticket sales and cleaning, could still be run by private firms under contract, the board said.',
        'Did the board think ferry services should stay public?',
      ),
    })
    const earlier = [{ question: 'did the harbour board think any ferry services could be run by private firms?' }]
    for (const followUp of ['such as?', 'like what?', 'for example?']) {
      const a = await answer(small, followUp, earlier)
      expect(a.answered, followUp).toBe(true)
      expect(sentencesOf(a)[0], followUp).toContain('ticket sales')
    }
  })

  it('reads "who said so?" and "says who?" as "who said that?": whose claim the last answer was', async () => {
    for (const earlier of ['Who runs the harbour cafés?', 'Who won the ferry contracts?']) {
      const that = sentencesOf(await ask('who said that?', [earlier]))[0]
      expect(sentencesOf(await ask('who said so?', [earlier]))[0], earlier).toBe(that)
      expect(sentencesOf(await ask('says who?', [earlier]))[0], earlier).toBe(that)
    }
  })

  it('answers "when did X take over?" with when X took over, not when someone else took over from X', async () => {
    const small = await smallKb({
      'penrose.md': gazette('penrose', 'Penrose appointed', '2012-03', 'Jo Penrose, a former skipper of the island lifeboat, was appointed harbour master in March 2012, succeeding Kit Moss after his long illness, the Gazette reported on the harbour.', 'Who was harbour master in 2012?'),
      'lee.md': gazette('lee', 'Lee appointed', '2015-05', 'Ann Lee was appointed harbour master in May 2015, taking over from Jo Penrose, who had been harbour master until then, the Gazette reported on the harbour.', 'Who took over from Jo Penrose?'),
    })
    expect(sentencesOf(await answer(small, 'when did jo penrose take over as harbour master?', []))[0]).toMatch(/^Jo Penrose, a former skipper/)
    // Of the one taking over, the sentence telling it still answers.
    expect(sentencesOf(await answer(small, 'when did ann lee take over as harbour master?', []))[0]).toMatch(/^Ann Lee was appointed/)
  })

  it('lets a follow-up through the coverage bar on its own words and one concept of what it follows, however many other words the earlier question had', async () => {
    const history = [{ question: 'when did the harbour board approve the cut to the night routes?' }]
    const read = await conversation(kb, 'why did they go?', history)
    const query = understand(read.question, read.history, kb.language)
    const found = await retrieve(kb, query)
    const top = found.hits[0]
    if (!query.followUp || !top) throw new Error('the fixture no longer reads "why did they go?" as a follow-up with a passage')
    // As if the earlier question's many other words had kept the passage's coverage low.
    const thin = { ...found, hits: [{ ...top, coverage: 0.3 }] }
    expect(plan(thin, query, context).refused).not.toBe('too little of the question covered')
    // A question standing on its own still needs the coverage.
    expect(plan(thin, { ...query, followUp: false }, context).refused).toBe('too little of the question covered')
    // The leeway needs a concept carried over from the earlier question, not merely one of less weight (the follow-up's own kind word).
    const uncarried = { ...thin, slots: thin.slots.map((s) => ({ ...s, carried: undefined })) }
    expect(plan(uncarried, query, context).refused).toBe('too little of the question covered')
    // And a follow-up whose own word the passage lacks gets no leeway.
    const ownWordMissing = { ...found, hits: [{ ...top, coverage: 0.3, termsFor: (t: string) => (t === toTerm('go') ? [] : top.termsFor(t)) }] }
    expect(plan(ownWordMissing, query, context).refused).toBe('too little of the question covered')
  })

  it('answers "and the Gazette?" after a question about what another source said with what the Gazette reports, and asks it for the kind of figure the earlier question named', async () => {
    const a = await ask('and the gazette?', ['what did the harbour board say about the night routes?'])
    expect(a.answered).toBe(true)
    expect(sentencesOf(a)[0]).toMatch(/^The Gazette said Bluewater would run the night routes/)
    // Who reported a sentence counts only when a source is asked about: without it, the Gazette's sentence does not lead.
    const read = await conversation(kb, 'and the gazette?', [{ question: 'what did the harbour board say about the night routes?' }])
    const query = understand(read.question, read.history, kb.language)
    expect(query.attribution).toBe(true)
    expect(plan(await retrieve(kb, query), { ...query, attribution: false }, context).chosen[0]?.sentence ?? '').not.toMatch(/^The Gazette said Bluewater would run the night routes/)
    // Asked as a check of one source's figure, the follow-up asks the other's figure: a sum, a share, not a count of people.
    const after = (q: string) => understand('and the gazette?', [{ question: q }], kb.language).kind
    expect(after('the harbour board said £40m, right?')).toBe('money')
    expect(after('the harbour board said 30% were cancelled, right?')).toBe('percent')
    expect(after('the harbour board said 2 million people sailed, right?')).not.toBe('money')
    expect(after('the harbour board said 40 million pounds, right?')).toBe('money')
    // Only a follow-up that names another source asks for its version: "what about it?" asks more of the same.
    expect(understand('what about it?', [{ question: 'the harbour board said £40m, right?' }], kb.language).kind).not.toBe('money')
    expect(understand('when was that?', [{ question: 'what did the harbour board say about the night routes?' }], kb.language).attribution).toBe(false)
    // A third source in the chain asks the same: "and the blog?" after "and the gazette?".
    const third = understand('and the blog?', [{ question: 'the harbour board said £40m, right?' }, { question: 'and the gazette?' }], kb.language)
    expect(third.kind).toBe('money')
    expect(third.attribution).toBe(true)
    // The source named stands for whoever said it, not for the last name asked about.
    expect(understand('and jory?', [{ question: 'what did polglaze say about bluewater?' }], kb.language).replaced).toEqual([toTerm('polglaze')])
    // A question that only checks a figure, with no source saying it, asks nothing of another.
    expect(understand('and in 2016?', [{ question: 'was the £40m contract signed in 2015?' }], kb.language).kind).not.toBe('money')
  })

  it('weighs a sentence still speaking of what a follow-up put its own words in place of below one that does not ("what about Tidal Lines?" after a question about Bluewater)', async () => {
    const history = [{ question: 'did bluewater run the night routes?' }]
    const read = await conversation(kb, 'what about tidal lines?', history)
    const query = understand(read.question, read.history, kb.language)
    expect(query.replaced).toEqual([toTerm('bluewater')])
    const found = await retrieve(kb, query)
    const scored = plan(found, query, context).candidates
    const plain = plan(found, { ...query, replaced: undefined }, context).candidates
    const same = (c: (typeof scored)[number]) => plain.find((p) => p.passage === c.passage && p.position === c.position)
    // "Three operators, Bluewater, Tidal Lines and Harbour Link, won…" speaks of both.
    const naming = scored.filter((c) => /Bluewater/.test(c.sentence) && (same(c)?.score ?? 0) > 0)
    expect(naming.length).toBeGreaterThan(0)
    for (const c of naming) expect(c.score).toBeLessThan(same(c)?.score ?? 0)
    for (const c of scored.filter((c) => !/Bluewater/.test(c.sentence))) expect(c.score).toBe(same(c)?.score)
    // A name of two words is still spoken of only where both are: one of them alone costs nothing.
    const half = plan(found, { ...query, replaced: [toTerm('bluewater') as string, 'zzzz'] }, context).candidates
    for (const c of half) expect(c.score).toBe(same(c)?.score)
  })

  it('counts what the sentence before names, at a discount, for a sentence referring back to it ("The Harbour Board also put most of them down to storms")', async () => {
    for (const q of ['were the crossings cancelled in the first winter down to storms?', 'what did the board put the cancelled crossings in the first winter down to?']) {
      const a = await ask(q)
      expect(a.answer, q).toMatch(/also put most of them down to storms/)
      expectFindableQuotes(a)
    }
  })

  it('reads the coverage bar from every passage scoring nearly as well as the best, not from the best alone', async () => {
    const { query, found, whole, partial } = await wholeAndPartial()
    // Enough of the question, short of all of it, in a passage scoring just under the best, or far under it.
    const behind = (share: number) => ({ ...found, hits: [{ ...partial, score: 10 }, { ...whole, score: 10 * share, coverage: 0.9 }] })
    expect(plan(behind(0.95), query, context).refused).not.toBe('too little of the question covered')
    expect(plan(behind(0.5), query, context).refused).toBe('too little of the question covered')
    // The answer then comes from a passage that reached the bar, however far below the best it scored.
    expect(plan(behind(0.95), query, context).chosen[0]?.passage).toBe(whole.passage)
    const far = { ...found, hits: [{ ...partial, score: 10 }, { ...whole, score: 0.1 }] }
    expect(plan(far, query, context).chosen[0]?.passage).toBe(whole.passage)
  })

  it('scores a sentence naming another year than a yes/no question names nearly as one naming it: that year is the claim it checks', async () => {
    const fitOf = async (q: string) => {
      const query = understand(q, [], kb.language)
      return plan(await retrieve(kb, query), query, context).candidates.find((c) => c.sentence.includes('HB 42 of 2021'))?.yearFit
    }
    expect(await fitOf('did the harbour board lay its review of the ferry contracts before the council in 2019?')).toBeGreaterThan(0.9)
    expect(await fitOf('what did the harbour board lay before the council in 2019?')).toBeLessThan(0.9)
  })

  it('answers "why" with a sentence that gives a reason, not one that restates what happened', async () => {
    expect(sentencesOf(await ask('why were the night routes cut back?'))[0]).toMatch(/because too few passengers travelled after dark/)
  })

  it('answers "why" with a sentence giving no reason in so many words only when it holds half the question or more', async () => {
    const text = (what: string) => `${what}, the Gazette reported, in a report on the ferries that run between the islands and the mainland for the harbour board.`
    const small = await smallKb({
      'link.md': gazette('link', 'Bluewater takes over', '2019-02', text('Bluewater took over the night routes in February 2019 after Harbour Link went into administration'), 'Who runs the night routes?'),
    })
    expect(sentencesOf(await answer(small, 'why did bluewater take over the night routes?', []))[0]).toMatch(/after Harbour Link went into administration/)
    // A sentence holding little of the question says nothing of why.
    expect((await answer(small, 'why did the crews on the night routes strike over pay and pensions?', [])).answered).toBe(false)
  })

  it('leads with a better-scoring sentence more of the kind asked than the one from the passage whose listed question won', async () => {
    const text = (what: string) => `${what}, the Gazette reported, in a report on the ferries that run between the islands and the mainland for the harbour board.`
    const small = await smallKb({
      'list.md': gazette('list', 'The winners', '2015-02', text('The Gazette named the big winners as Bluewater with Ferrylink in six, Tidal Lines in five and Harbour Link in three'), 'How many organisations won the ferry contracts?'),
      'count.md': gazette('count', 'Three operators', '2015-02', text('Three organisations won the ferry contracts to run the island routes from 2015'), 'How many organisations won?'),
    })
    const q = understand('how many organisations won the island ferry contracts?', [], small.language)
    const p = plan(await retrieve(small, q), q, composeContext(small))
    expect(p.listedWin).toBe(true)
    expect(p.chosen[0]?.sentence).toMatch(/^Three organisations won/)
    // Asked word for word as the passage lists it, the passage's own sentence leads: its maintainers say it answers.
    const verbatim = understand('how many organisations won the ferry contracts?', [], small.language)
    expect(plan(await retrieve(small, verbatim), verbatim, composeContext(small)).chosen[0]?.sentence).toMatch(/^The Gazette named the big winners/)
  })

  it('takes the thing a "who" question asks about as named by its passage\'s heading, where the sentence names it otherwise', async () => {
    const small = await smallKb({
      'won.md': gazette('won', 'Bluewater wins three contracts', '2015-02', 'The Gazette listed Bluewater as the winner of three ferry routes: North Pier; Hapend; and the Kew crossing, all to be run from the spring of 2015 under the board.', 'Which routes did Bluewater win?'),
    })
    expect(sentencesOf(await answer(small, 'who ran the hapend contract?', []))[0]).toMatch(/^The Gazette listed Bluewater/)
    // Not for a question asking what, though the heading names the rest of what it asks for.
    expect((await answer(small, 'what was the hapend contract about?', [])).answered).toBe(false)
  })

  it('does not answer "how many" with a sentence whose only figures are a date', async () => {
    const a = await ask('how many night routes were cut back?')
    expect(a.answered).toBe(false)
    expect(a.answer).not.toMatch(/14 March/)
  })

  it('does not answer "how many boats" with a figure that says what else it counts ("three operators")', async () => {
    expect((await ask('how many boats did the operators order?')).answered).toBe(false)
    expect(sentencesOf(await ask('how many operators won the ferry contracts?'))[0]).toMatch(/three operators/)
  })

  it('finds the sum asked about in a sentence that writes it out ("£40m" in "£40 million"), as the index does', () => {
    const ctx = kindContext({ matched: new Set(['40m']) })
    expect(kindScore('money', 'Some years later, after a long review of the ferry contracts by the board, the board paid £40 million.', ctx)).toBe(1)
  })

  it('answers "…again?" or "what happened next?" only with what happened after the event the last answer told of', async () => {
    const query = understand('what happened to the ferry contracts?', [], kb.language)
    const retrieval = await retrieve(kb, query)
    const dateOf = (c: { record: { date?: string }; source: { published: string } }) => c.record.date ?? c.source.published
    const first = plan(retrieval, query, context).chosen[0]
    expect(first).toBeDefined()
    const later = plan(retrieval, { ...query, after: dateOf(first!) }, context).chosen
    expect(later.length).toBeGreaterThan(0)
    expect(later.every((c) => dateOf(c) > dateOf(first!) && !dateOf(c).startsWith(dateOf(first!)))).toBe(true)
    // The date comes from the last answer's first quote, for a follow-up that asks what came after it; "when was that again?" asks the same again.
    const last = { question: 'when did the crews strike?', answer: 'The crews struck on 3 May 2016. [1]', dated: '2016-05-03' }
    expect(understand('did they strike again after that?', [last], kb.language).after).toBe('2016-05-03')
    expect(understand('what happened next?', [last], kb.language).after).toBe('2016-05-03')
    expect(understand('when was that again?', [last], kb.language).after).toBeUndefined()
    expect(understand('and over the next four years?', [last], kb.language).after).toBeUndefined()
    expect(understand('why did they strike?', [last], kb.language).after).toBeUndefined()
    const { history: turns } = await conversation(kb, 'what happened next?', [{ question: 'what happened to the ferry contracts?' }])
    expect(turns.at(-1)?.dated).toBe(dateOf(first!))
    // A question naming only a kind of answer reads the last answer too, to know there was one.
    expect((await conversation(kb, 'reason?', [{ question: 'what happened to the ferry contracts?' }])).history.at(-1)?.answer).toBeDefined()
  })

  it('answers "the board said in Sept 2016 … until when?" with another date than the month the question gives', async () => {
    const small = await smallKb({
      'gazette-shut.md': "---\nid: gazette-shut\ntitle: \"Night routes shut\"\npublisher: \"Harbour Gazette\"\nkind: news\npublished: \"2018-06-02\"\nurl: \"https://gazette.example/shut\"\nsummary: \"The Gazette on the night routes.\"\n---\n\n## The night routes stay shut\n\nDate: 2016-09\n\nThe harbour board said in September 2016 that the night routes would stay shut while the landing stages were repaired. The night routes would stay shut until May 2018, the board said later, once it had costed the repairs to the landing stages.\n\nQuestions:\n- Why were the night routes shut?\n",
    })
    expect((await answer(small, 'in sept 2016 the harbour board said the night routes would stay shut, until when?')).answer).toMatch(/^The night routes would stay shut until May 2018/)
    // So where the visitor told the month before asking.
    expect((await answer(small, 'until when?', [{ question: 'in sept 2016 the harbour board said the night routes would stay shut' }])).answer).toMatch(/^The night routes would stay shut until May 2018/)
  })

  it('takes the best sentence from the passages ranked just below the hits, but only where the hits show the sources answer', async () => {
    const source = (id: string, body: string) => `---\nid: ${id}\ntitle: "${id}"\npublisher: "Harbour Gazette"\nkind: news\npublished: "2016-05-02"\nurl: "https://gazette.example/${id}"\nsummary: "The Gazette on the night routes."\n---\n\n${body}`
    const kbWith = (review: string) =>
      smallKb({
        'gazette-review.md': source('gazette-review', `## The harbour board's review of the night routes\n\nDate: 2016-03\n\nThe harbour board reviewed the night routes in March 2016 and cut night routes across the harbour, the Gazette reported. ${review}\n\nQuestions:\n- What did the harbour board's review of the night routes find?\n`),
        'gazette-count.md': source('gazette-count', '## The harbour board cuts night routes\n\nDate: 2016-03\n\nThe harbour board cut 14 night routes in all, the Gazette said, after months of talks with the crews and with the three operators who ran the crossings at the time.\n\nQuestions:\n- What did the board cut?\n'),
      })
    const question = 'how many night routes did the harbour board cut'
    const planned = async (small: Kb, below: boolean) => {
      const query = understand(question, [], small.language)
      // One hit: the passage giving the count ranks just below it.
      const retrieval = await retrieve(small, query, 1)
      expect(retrieval.more.map((h) => h.record.id)).toEqual(['gazette-count#1'])
      return plan(below ? retrieval : { ...retrieval, more: [] }, query, composeContext(small))
    }
    // The hit answers, with a count of something else; the passage below counts the routes.
    const answering = await kbWith('The harbour board weighed 3 options for the night routes.')
    expect((await planned(answering, false)).chosen[0]?.sentence).toBe('The harbour board weighed 3 options for the night routes.')
    expect((await planned(answering, true)).chosen[0]?.sentence).toMatch(/^The harbour board cut 14 night routes/)
    // A hit giving no count at all: the passage below does not turn the decline into an answer.
    const silent = await kbWith('The review of the night routes took the harbour board a whole winter.')
    expect((await planned(silent, true)).refused).toBe('no sentence supplies what was asked')
  })

  it('answers "…again after the April 2019 strike?" only with what happened after the month the question names, which is no year asked about', async () => {
    const small = await smallKb({
      'gazette-strikes.md': "---\nid: gazette-strikes\ntitle: \"Crews strike\"\npublisher: \"Harbour Gazette\"\nkind: news\npublished: \"2020-02-02\"\nurl: \"https://gazette.example/strikes\"\nsummary: \"The Gazette on the crews' strikes.\"\n---\n\n## Ferry crews' national strike over night rotas\n\nDate: 2019-04-12\n\nFerry crews held a national strike over night rotas on 12 April 2019, the Gazette reported, and every crossing from the harbour stopped for a whole day while the crews picketed the piers.\n\nQuestions:\n- When did the ferry crews strike?\n\n## A further walkout\n\nDate: 2020-01-20\n\nThe ferry crews went on strike once more on 20 January 2020, the Gazette said, this time over pay, and the harbour board ran a reduced timetable with its own staff until the walkout ended.\n\nQuestions:\n- Did the crews walk out again?\n",
    })
    const question = 'did the ferry crews strike again after the april 2019 national strike? when'
    const query = understand(question, [], small.language)
    expect(query.after).toBe('2019-04')
    expect(query.years).toEqual([])
    // The month and year find the strike it starts from, which is no answer: background, like a story told before the question.
    const dated = query.slots.filter((s) => s.typed.every((w) => ['april', '2019'].includes(w)))
    expect(dated.length).toBe(2)
    expect(dated.every((s) => s.background === true && s.weight < 1)).toBe(true)
    expect((await answer(small, question)).answer).toMatch(/^The ferry crews went on strike once more on 20 January 2020/)
    // Named the other way round, or by its day, the same; a year alone bounds nothing, as what came next may have come that year.
    expect(understand('after the 12 apr 2019 strike, was there another?', [], small.language).after).toBe('2019-04-12')
    expect(understand('did the crews strike again after the 2019 strike?', [], small.language).after).toBeUndefined()
    // Not before or after it, nor a "mayor 2015"; a year named again is still asked about.
    expect(understand('before or after the april 2019 strike, was there another?', [], small.language).after).toBeUndefined()
    expect(understand('did the crews strike again after the mayor 2015 visit?', [], small.language).after).toBeUndefined()
    expect(understand('did the crews strike again in 2019, after the april 2019 strike?', [], small.language).years).toContain(2019)
    expect(understand('when did the ferry crews strike in april 2019?', [], small.language).after).toBeUndefined()
  })

  it('answers "by what date…" with a date something was due by or closed on, ahead of a date it was set or done on', () => {
    const query = understand('by what date did the harbour board want the review published?', [], kb.language)
    expect(query.kind).toBe('time')
    expect(query.deadline).toBe(true)
    expect(understand('when did the harbour board publish its review?', [], kb.language).deadline).toBeUndefined()
    const ctx = kindContext({ deadline: true })
    const due = kindScore('time', 'The harbour board wanted the review published by 1 March 2016.', ctx)
    expect(kindScore('time', 'The consultation on the night routes closed on 22 February 2016.', ctx)).toBe(due)
    expect(kindScore('time', 'The harbour board set out its plans on 9 June 2015.', ctx)).toBeLessThan(due / 2)
  })

  it('answers "what were the kiosks?" of an everyday thing with what the sources say of it, as no sentence spells it out as it would a name', async () => {
    const kiosks = await ask('what were the kiosks')
    expect(kiosks.answered).toBe(true)
    expect(kiosks.answer).toContain('pier kiosks')
    // Everyday words the sources write capitalised as a name ("the Harbour Board") still ask for a sentence defining it.
    const kindShort = async (q: string) => {
      const query = understand(q, [], kb.language)
      const planned = plan(await retrieve(kb, query), query, context)
      return planned.candidates.some((c) => planned.shortfall?.(c) === 'not the kind of answer asked for')
    }
    expect(await kindShort('what is the harbour board')).toBe(true)
    expect(await kindShort('what were the kiosks')).toBe(false)
  })

  it('takes the end of a span of years ("2021-22", "2017/18") for no count', () => {
    const ctx = kindContext({ countOf: new Set([toTerm('contracts') as string]), countNamed: new Set([toTerm('contracts') as string]), asked: new Set([toTerm('contracts') as string]), matched: new Set([toTerm('contracts') as string]) })
    for (const sentence of ['The crews worked under contracts due to run until 2021-22.', 'The crews worked under contracts that ran in 2017/18.']) expect(kindScore('count', sentence, ctx), sentence).toBeLessThan(0.5)
    expect(kindScore('count', 'The crews worked under 22 contracts until 2021.', ctx)).toBeGreaterThanOrEqual(0.8)
  })

  it('reads a figure named in the question as held by a sentence pointing back to the one naming it ("… at that time")', async () => {
    const small = await smallKb({
      'gazette-cost.md': gazette('gazette-cost', 'Ferries cost £12m', '2017', 'The Harbour Board said running the ferries and the piers cost an estimated £12m in 2016-17, more than it had planned. The board said about 4,000 passengers a day used the ferries at that time.', 'How much did the ferries cost in 2016-17?'),
    })
    const a = await answer(small, 'the £12m the board quoted - how many passengers a day was that for?')
    expect(a.answered).toBe(true)
    // The sentence pointing back comes after the one it points to, quoted with it as one span.
    expect(a.answer).toMatch(/^The Harbour Board said running the ferries .* £12m in 2016-17, more than it had planned\. The board said about 4,000 passengers a day used the ferries at that time\. \[1\]$/)
  })

  it('counts a quoted title as one word when judging whether a date stands beside what was asked', () => {
    const ctx = kindContext({ matched: new Set([toTerm('consultation') as string]) })
    const beside = kindScore('time', 'The board\'s consultation on the ferries opened on 9 January 2013.', ctx)
    expect(kindScore('time', 'The board\'s consultation "Harbour Futures: a new way to run the ferries, the piers and the cafés of the island" opened on 9 January 2013.', ctx)).toBe(beside)
    expect(kindScore('time', 'The board\'s consultation on the ferries of the island, which many of the crews and the pier staff and their union answered, opened on 9 January 2013.', ctx)).toBeLessThan(beside)
  })

  it('reads a name spelt out and then said what it is as a definition, and one spelt out in passing, in a sentence about something else, as less of one', () => {
    const ctx = kindContext({ focus: ['what', 'is', 'a', 'hc'] })
    const defined = ['The Harbour Companies (HCs), which run the ferries of one port each, were set up in 2014.', 'The Harbour Company (HC) is the firm running the ferries of one port.', 'The Harbour Companies (HCs), the firms running the ferries, were set up in 2014.']
    const inPassing = [
      'The board fined the three Harbour Companies (HCs) £2m in 2019.',
      'The Harbour Companies (HCs) were telling crews not to report faults.',
      'The owners of the Harbour Companies (HCs) are in the ferry business for the subsidies.',
      'The three Harbour Companies (HCs), the Gazette reported, would lose their contracts.',
      'Under the Harbour Companies (HCs), the ferry service was split into two parts in 2014, and fares rose.',
    ]
    for (const sentence of defined) expect(kindScore('definition', sentence, ctx), sentence).toBe(1)
    // Saying what it is or does without spelling the name out comes nearly as close, above a name spelt out in passing.
    const said = kindScore('definition', 'The new HC was created to run the ferries of one port.', ctx)
    expect(said).toBeLessThan(1)
    expect(said).toBeGreaterThan(kindScore('definition', 'The board fined the three Harbour Companies (HCs) £2m in 2019.', ctx))
    // Asked what the letters stand for, spelling them out is the answer, and saying what it does without them is not.
    const letters = kindContext({ focus: ['what', 'does', 'hc', 'stand', 'for'], lettersAsked: true })
    expect(kindScore('definition', 'The board fined the three Harbour Companies (HCs) £2m in 2019.', letters)).toBe(1)
    expect(kindScore('definition', 'The new HC was created to run the ferries of one port.', letters)).toBeLessThan(kindScore('definition', 'The board fined the three Harbour Companies (HCs) £2m in 2019.', letters))
    for (const sentence of inPassing) {
      expect(kindScore('definition', sentence, ctx), sentence).toBeGreaterThanOrEqual(0.6)
      expect(kindScore('definition', sentence, ctx), sentence).toBeLessThan(1)
    }
  })

  it('reads a name asked about as described where it is written as its plural ("Harbour Companies (HCs)" for "harbour company")', () => {
    const ctx = kindContext({ focus: ['what', 'is', 'a', 'harbour', 'company'] })
    expect(kindScore('definition', 'The island has three Harbour Companies (HCs), each running the ferries of one port.', ctx)).toBeGreaterThanOrEqual(0.6)
    expect(kindScore('definition', 'The ferries of one port were run by three firms.', ctx)).toBe(0)
    // Not another form of the word: asked what a study is, "studied," describes nothing.
    expect(kindScore('definition', 'The board studied, with the harbour company, how the ferries ran.', kindContext({ focus: ['what', 'is', 'a', 'study'] }))).toBe(0)
    // Nor, described just before it: "the green paper 'Harbour Futures'" says what it is.
    const futures = kindContext({ focus: ['what', 'was', 'harbour', 'futures'] })
    expect(kindScore('definition', 'The board laid the green paper "Harbour Futures" before the council in 2019.', futures)).toBeGreaterThanOrEqual(0.6)
    expect(kindScore('definition', 'Harbour Futures sold out within a week of its launch in 2019.', futures)).toBe(0)
    // The whole name, written as one, right after the words saying what it is: not any word of it after any words.
    expect(kindScore('definition', 'The board closed the old harbour in 2019.', futures)).toBe(0)
    expect(kindScore('definition', 'The chief executive of Harbour Futures resigned in 2019.', futures)).toBe(0)
  })

  it('reads a role just before the name asked about ("the harbour master Jo Bluewater") as saying who they were', () => {
    const ctx = kindContext({ focus: ['who', 'was', 'jo', 'bluewater'] })
    expect(kindScore('identity', 'The harbour master Jo Bluewater told the board the night routes would close.', ctx)).toBe(0.9)
    expect(kindScore('identity', 'The board heard that the former deputy harbour master Jo Bluewater had left.', ctx)).toBe(0.9)
    // A name after a verb, or after other names, says nothing of who they were.
    expect(kindScore('identity', 'The board thanked Jo Bluewater for the night routes.', ctx)).toBeLessThan(0.5)
    expect(kindScore('identity', 'The Harbour Board and Jo Bluewater agreed the night routes would close.', ctx)).toBeLessThan(0.5)
    // Only a name is titled so: "the former harbour master" said nothing of who Jo Bluewater was.
    expect(kindScore('identity', 'The board said the former harbour master jo bluewater had left.', ctx)).toBeLessThan(0.5)
  })

  it('reads "was replaced by" as telling who came after the one it tells of, not after a name earlier in the sentence ("under Bluewater\'s plan, the piers were replaced by…")', () => {
    const ctx = kindContext({ focus: ['who', 'replaced', 'bluewater'], succession: { of: 'Jo Bluewater', direction: 'after' } })
    expect(kindScore('person', "Under Jo Bluewater's plan, the old piers were replaced by quays run by Tamsin Trevail.", ctx)).toBeLessThan(1)
    for (const after of [
      'Jo Bluewater, the chair since 2012, was replaced by Tamsin Trevail.',
      'Jo Bluewater was later replaced by Tamsin Trevail.',
      'Jo Bluewater, the chair, who had served since 2012, was replaced by Tamsin Trevail.',
      'Jo Bluewater (the chair) was replaced by Tamsin Trevail.',
      'Jo Bluewater and Sam Kett were replaced by Tamsin Trevail.',
      'Jo Bluewater was replaced as chair by Tamsin Trevail.',
    ]) {
      expect(kindScore('person', after, ctx), after).toBe(1)
    }
  })

  it('takes capitals after "a" or "an" for a kind of thing, not a name that answers "who" ("a crew Community Interest Company"), unless they describe a word after them', () => {
    const ctx = kindContext({ focus: ['who', 'won', 'the', 'north', 'routes'] })
    for (const kind of ['The board noted that a crew Community Interest Company was part of the winning partnership.', 'A crew Community Interest Company was part of the winning partnership.']) {
      expect(kindScore('entity', kind, ctx), kind).toBe(0)
    }
    // A name, one describing a word after it, one called so, or one in apposition is one thing.
    for (const named of [
      'The board noted that Tidal Lines was part of the winning partnership.',
      'The board noted that a Tidal Lines subsidiary was part of the winning partnership.',
      'The board noted that a partnership between Tidal Lines and the crews had won.',
      'The routes went to an outfit called Tidal Lines.',
      'An outfit called Tidal Lines was set up.',
      'The routes were won by a new company Tidal Lines in 2015.',
      'The crews were supervised by a rump Harbour Service (HS).',
    ]) {
      expect(kindScore('entity', named, ctx), named).toBeGreaterThan(0)
    }
  })

  it('takes the figure of a numbered document ("paper HB 42", "Cm 9613") for its name, which counts nothing, and "the paper number of" for no count', () => {
    const ctx = kindContext({ countOf: new Set(['crew']) })
    expect(kindScore('count', 'The board laid the review before the council as HB 42 of 2021.', ctx)).toBeLessThan(0.5)
    expect(kindScore('count', 'The board laid the review before the council with 42 crews watching.', ctx)).toBe(1)
    expect(understand('whats the paper number of the ferry review?', [], kb.language).kind).not.toBe('count')
    expect(understand('what was the number of crews?', [], kb.language).kind).toBe('count')
  })

  it('reads words joined by "and" after a figure as describing together what it counts ("9,000 day and night passengers"), not as what it counts', () => {
    const ctx = kindContext({ countOf: new Set([toTerm('passengers') as string]) })
    expect(kindScore('count', 'The operators carried around 9,000 short and long-distance passengers a week.', ctx)).toBeGreaterThan(0.5)
    // A figure before a word that is counted, joined to another figure, still counts that word.
    expect(kindScore('count', 'The board ran 12 piers and 35 quays.', ctx)).toBeLessThan(0.5)
    expect(kindScore('count', 'The routes served 12 piers and harbours.', ctx)).toBeLessThan(0.5)
    // Any of the joined words counted says so ("2,000 passengers and crews"); a figure or an adverb after "and" starts another count.
    expect(kindScore('count', 'The ferries carried 2,000 passengers and crews.', ctx)).toBeGreaterThan(0.5)
    expect(kindScore('count', 'The board moved 8,000 passengers and nearly 200 cars.', ctx)).toBeGreaterThan(0.5)
    expect(kindScore('count', 'The board ran 19 passengers and two quays.', ctx)).toBeGreaterThan(0.5)
    // Asked how many people, any word for people among them counts them.
    const people: KindContext = { ...ctx, countOf: new Set([toTerm('people') as string]), countsAnyOf: 'people' }
    expect(kindScore('count', 'The board moved 8,000 crews and nearly 200 cars.', people)).toBeGreaterThan(0.5)
    expect(kindScore('count', 'The board moved 200 cars and vans.', people)).toBeLessThan(0.5)
  })

  it('reads a describing word right after a figure ("nine local crews") as describing what it counts, not as what it counts', () => {
    const people: KindContext = kindContext({ countOf: new Set([toTerm('people') as string]), countsAnyOf: 'people' })
    expect(kindScore('count', 'The board moved nine local crews to the pier.', people)).toBeGreaterThan(0.5)
    expect(kindScore('count', 'The board moved nine local cars to the pier.', people)).toBeLessThan(0.5)
    // So does an everyday describing word of no describing ending ("nine new crews").
    expect(kindScore('count', 'The board moved nine new crews to the pier.', people)).toBeGreaterThan(0.5)
    expect(kindScore('count', 'The board moved nine new cars to the pier.', people)).toBeLessThan(0.5)
    // Not across a comma, nor a verb's form ("including").
    expect(kindScore('count', 'Of the 40 questioned, crews said the pier was unsafe.', people)).toBeLessThan(0.5)
    expect(kindScore('count', 'The board listed 40 including crews and cars.', people)).toBeLessThan(0.5)
  })

  it('finds the person in a name followed by letters ("Kerensa Polglaze MP"), but not in an institution: one named with an article ("The Harbour CRC") or made of dictionary words ("Link Ferries")', () => {
    const ctx = kindContext({ focus: ['chaired', 'board'], asked: new Set(['chair', 'board']), matched: new Set(['chair', 'board']) })
    expect(kindScore('person', 'Kerensa Polglaze MP, chair of the Harbour Board, opened the review in 2021.', ctx)).toBeGreaterThan(0.5)
    expect(kindScore('person', 'The Harbour CRC, chair of the review panel, opened the review in 2021.', ctx)).toBeLessThan(0.5)
    // The article begins a sentence capitalised: "The HbA" is an institution, though "HbA" is no English word.
    expect(kindScore('person', 'The HbA, chair of the review panel, opened the review in 2021.', ctx)).toBeLessThan(0.5)
    // Two dictionary words are an institution's name, though the sources only ever write "Link" capitalised;
    // at the end of a name, though, such a word may be a surname.
    expect(kindScore('person', 'Link Ferries, chair of the review panel, opened the review in 2021.', ctx)).toBeLessThan(0.5)
    expect(kindScore('person', 'Rose Link, chair of the review panel, opened the review in 2021.', ctx)).toBeGreaterThan(0.5)
  })

  it('takes a quoted title for the answer to "what was it called?", a name of several words the question does not use as nearly one, and one word as no title', () => {
    expect(understand('what was the 2021 ferry review called?', [], kb.language).kind).toBe('title')
    expect(understand('whats the full title of the harbour board report', [], kb.language).kind).toBe('title')
    // "What did X call Y?" and a motto or slogan ask for a name too; the word for the sort of name is no thing the answer must hold.
    expect(understand('what did the harbour board call its 2021 review?', [], kb.language).kind).toBe('title')
    expect(understand('what did you call me?', [], kb.language).kind).not.toBe('title')
    expect(understand('what did the inspectors call for?', [], kb.language).kind).not.toBe('title')
    expect(understand('why did the operators drop the slogan?', [], kb.language).kind).toBe('reason')
    const motto = understand('whats the slogan the operators used in 2015?', [], kb.language)
    expect(motto.kind).toBe('title')
    expect(motto.sought).toBeUndefined()
    const described = understand("what was the harbour board's review called, the one from 2021?", [], kb.language)
    expect(described.kind).toBe('title')
    expect(described.sought).toBeUndefined()
    const ctx = kindContext({ focus: ['review'], asked: new Set(['review']), matched: new Set(['review']) })
    expect(kindScore('title', 'The Harbour Board published its review, "Night Routes: A Fresh Start", in 2021.', ctx)).toBe(1)
    expect(kindScore('title', 'The review was written by the Tidal Lines team.', ctx)).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('title', 'the review was published in 2021.', ctx)).toBe(0)
    // A single word capitalised ("Bluewater") is more often who did it than what it was called.
    expect(kindScore('title', 'the review was written for Bluewater.', ctx)).toBeLessThan(0.5)
  })

  it('takes a sentence quoting someone for the answer to "what word did they use?" or "how did they describe it?", and an apostrophe for no quotation', () => {
    expect(understand('what word did the harbour board use for the night routes?', [], kb.language).kind).toBe('wording')
    expect(understand('what phrase did the operators use about the storms', [], kb.language).kind).toBe('wording')
    expect(understand("whats the phrase the operators used about the storms", [], kb.language).kind).toBe('wording')
    expect(understand("what's the word the board used for the night routes", [], kb.language).kind).toBe('wording')
    expect(understand('how did the inspectors describe the night routes in 2019?', [], kb.language).kind).toBe('wording')
    expect(understand('how did the board sum up the contracts?', [], kb.language).kind).toBe('wording')
    // What words stand for or mean, a contract's term, a rating, or a change since something was described is no one's wording.
    expect(understand('what words are behind the initials HbA?', [], kb.language).kind).not.toBe('wording')
    expect(understand('what does the word HbA stand for?', [], kb.language).kind).not.toBe('wording')
    expect(understand('what does the word breach mean?', [], kb.language).kind).not.toBe('wording')
    expect(understand('what term were the ferry contracts for?', [], kb.language).kind).not.toBe('wording')
    expect(understand('what rating word did the inspectors give harbour link?', [], kb.language).kind).toBe('rating')
    expect(understand('how has the ferry service changed since it was described as a disgrace?', [], kb.language).kind).not.toBe('wording')
    expect(understand('how has service changed since it was described as poor?', [], kb.language).kind).not.toBe('wording')
    expect(understand('how has the harbour board described the night routes?', [], kb.language).kind).toBe('wording')
    // A cue for a count later in the question ("the number of…") does not make it ask for one; "use" there is no concept either.
    const numbered = understand('what word did the harbour board use about the number of night crossings?', [], kb.language)
    expect(numbered.kind).toBe('wording')
    expect(numbered.slots.flatMap((s) => s.typed)).not.toContain('use')
    // "Sum up" asks for wording too; its "sum" is no concept (and no sum of money).
    expect(understand('how did the board sum up the night routes?', [], kb.language).slots.flatMap((s) => s.typed)).not.toContain('sum')
    // The word for the sort of answer is no thing the answer must hold: the quotation is.
    expect(understand('what was the phrase the board used about the night routes?', [], kb.language).slots.find((s) => s.typed.includes('phrase'))?.namesKind).toBe(true)
    const ctx = kindContext({ focus: ['night', 'routes'], asked: new Set(['night', 'rout']), matched: new Set(['night', 'rout']) })
    expect(kindScore('wording', 'The Harbour Board called the night routes "a disgrace" in 2019.', ctx)).toBe(1)
    expect(kindScore('wording', "The board said the night routes were 'badly run'.", ctx)).toBe(1)
    expect(kindScore('wording', "The board's report said the operators' night routes were badly run.", ctx)).toBe(0)
    // An apostrophe inside a quotation is part of it, whatever the marks; a quotation may run up to a dash or a bracket.
    expect(kindScore('wording', 'The crews called it "the board\'s reckless experiment".', ctx)).toBe(1)
    expect(kindScore('wording', "The crews called it ‘the board’s worst winter’.", ctx)).toBe(1)
    expect(kindScore('wording', 'It was "a mess"— the chair said.', ctx)).toBe(1)
    expect(kindScore('wording', "Staff called the night routes a 'shambles'.", ctx)).toBe(1)
    // "'90s", "'n'" and a plural's apostrophe open no quotation.
    expect(kindScore('wording', "In the '90s the crews' union ran rock 'n' roll nights.", ctx)).toBe(0)
  })

  it('answers "what word did they use?" with the sentence quoting it before one that only reports it', async () => {
    const a = await answer(await withSaleReport(['The Gazette said in February 2020 that the Harbour Board had criticised Tidal Lines over the night routes again.', 'The Harbour Board said the night routes of Tidal Lines had been "shambolic" for a year.']), 'what word did the harbour board use about the night routes of tidal lines?')
    expect(sentencesOf(a)[0]).toMatch(/"shambolic"/)
  })

  it('takes a sentence naming a cause for a reason, whichever causal words it uses', () => {
    const ctx = kindContext()
    for (const s of ['The crossings were cancelled because the crews went on strike.', 'The strike resulted in 120 cancelled crossings.', 'The losses stemmed from fewer passengers.', 'The fares rose, which meant fewer passengers.', 'One reason the routes closed was the cost of fuel.', 'Crews were told not to sail, since their company would be fined.', 'Staff shortages had led, over two winters, to more cancellations.', 'The new contracts would tackle late sailings by paying operators only for crossings made on time.', 'The timetable was meant to cut waiting at the piers.']) expect(kindScore('reason', s, ctx), s).toBe(1)
    expect(kindScore('reason', 'The crews went on strike in 2019.', ctx)).toBe(0)
    // What was done without some step says why a judgement of it went as it did.
    expect(kindScore('reason', 'The board said it had been a mistake to open the night routes without first testing the landing stages.', ctx)).toBe(1)
    expect(kindScore('reason', 'The night routes ran without a break in 2019.', ctx)).toBe(0)
    // A motive set against another ("not out of X but to Y") is a reason; "not only… but" is no motive.
    expect(kindScore('reason', 'The operators ran the routes not out of any love of ferries but to win the harbour contracts.', ctx)).toBe(1)
    expect(kindScore('reason', 'The operators ran not only the night routes but the island crossings.', ctx)).toBe(0)
    expect(kindScore('reason', 'The contracts ran not for five years but for seven.', ctx)).toBe(0)
    expect(kindScore('reason', 'The boats were moved not from Hull but to Leeds.', ctx)).toBe(0)
    expect(kindScore('rating', 'The board rated the crossings "Requires improvement".', ctx)).toBe(1)
    expect(kindScore('rating', 'The board reviewed the crossings in 2019.', ctx)).toBe(0)
  })

  it('does not answer "how many complaints" with a figure in a sentence that never speaks of complaints', () => {
    const ctx = (named: string[]): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set(named), countNamed: new Set(named), matched: new Set(), asksAttribution: false, yearsAsked: new Set() })
    const sentence = 'Passengers on the night routes rose to 4,000 a week.'
    expect(kindScore('count', sentence, ctx([]))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', sentence, ctx(['complaint']))).toBeLessThan(0.5)
    expect(kindScore('count', 'The board received 40 complaints about the night routes.', ctx(['complaint']))).toBe(1)
  })

  it('answers "which three operators…" or "what were the three operators called?" with a sentence naming three, and declines "which four…" when none names four', async () => {
    expect(sentencesOf(await ask('which three operators won the ferry contracts?'))[0]).toMatch(/Bluewater, Tidal Lines and Harbour Link/)
    expect(sentencesOf(await ask('what were the three operators called?'))[0]).toMatch(/Bluewater, Tidal Lines and Harbour Link/)
    expect((await ask('which four operators won the ferry contracts?')).answered).toBe(false)
    expect((await ask('what were the four night routes called?')).answered).toBe(false)
  })

  it('counts a sentence holding one of the choices a question offers ("the same timetable or new crews?") above one holding neither', async () => {
    const query = understand('when the harbour board took back every route did passengers see the same timetable or new crews?', [], kb.language)
    expect(query.choices?.[0]).toEqual([toTerm('timetable')])
    const retrieval = await retrieve(kb, query)
    const scoreOf = (p: ReturnType<typeof plan>) => p.candidates.find((c) => /same timetable/.test(c.sentence))?.score ?? 0
    const { choices: _, ...offered } = query
    const without = scoreOf(plan(retrieval, offered, context))
    expect(without).toBeGreaterThan(0)
    expect(scoreOf(plan(retrieval, query, context))).toBeCloseTo(without * 1.3)
  })

  it('answers "when did … first …" with the earliest of the dates that answer nearly as well, and "last" with the latest', async () => {
    expect(sentencesOf(await ask('when did the harbour board first report on the ferry contracts?'))[0]).toMatch(/1 February 2015/)
    expect(sentencesOf(await ask('when did the harbour board last report on the ferry contracts?'))[0]).toMatch(/2021/)
  })

  it('does not take a date known only to the year for the earliest: "2014" is not before "April 2014", only less precise', async () => {
    const text = (what: string) => `${what}, the Gazette reported, in a report on the ferries that run between the islands and the mainland for the harbour board.`
    const small = await smallKb({
      'plan.md': gazette('plan', 'Night routes to close', '2014-01', text('The harbour board first planned to close the night routes in April 2014'), 'When were the night routes to close?'),
      'recap.md': gazette('recap', 'Looking back', '2014', text('The harbour board first planned to close the night routes in 2014'), 'When were the night routes to close?'),
    })
    expect(sentencesOf(await answer(small, 'which month did the harbour board first plan to close the night routes?', []))[0]).toMatch(/April 2014/)
  })

  it('reads the best passage holding the question\'s rarest concept (a place) too, when none of the best scored holds it', async () => {
    const hits = (await retrieve(kb, understand('how many night crossings were there at hapend', [], kb.language), 1)).hits.map((h) => h.record.id)
    expect(hits).toEqual(['board-2021-ferry-review#3', 'wfr-2019-ferry-fares#1'])
  })

  it('answers a question about a named part ("the Hapend area") from a passage that speaks of it, and declines where the passage never does', async () => {
    expect((await ask('what happened to fares in the Hapend area in 2019?')).answered).toBe(true)
    expect((await ask('what happened to fares in the Bluewater area in 2019?')).answered).toBe(false)
  })

  it('answers a question offering figures as choices ("100 or 120?") with the one the sources give, and "how many of the 120" with no other figure not at all', async () => {
    expect((await ask('100 or 120? how many crossings were cancelled in the first winter')).answer).toMatch(/^The Harbour Board found that 120 crossings/)
    // "Some say A, some say B, which is it?" offers both, as "A or B?" does.
    expect((await ask('some say 100 crossings were cancelled in the first winter and some say 120, which is it?')).answer).toMatch(/^The Harbour Board found that 120 crossings/)
    // So does a figure the visitor believed or heard beside the one asked about.
    expect((await ask('who found that 120 crossings were cancelled in the first winter, i thought it was 100')).answer).toMatch(/^The Harbour Board found that 120 crossings/)
    // The whole a share is of ("100 of the 120") is no choice: a sentence giving only the whole does not settle it.
    expect((await ask('some say 100 of the 120 crossings were cancelled in the first winter, others say 90, which is it?')).answered).toBe(false)
    expect((await ask('how many of the 120 crossings were cancelled in the first winter')).answered).toBe(false)
    // Figures offered with their units ("12 hours or 24 hours") are choices too, settled by the one the sources give.
    expect((await ask('how long was the crews strike, 12 hours or 24 hours')).answer).toMatch(/^Ferry crews held a 12-hour strike/)
    expect(understand('how early did the routes close, 2 years or 14 months', [], kb.language).choices).toEqual([['2', toTerm('years')], ['14', toTerm('months')]])
    // A figure's unit may hold a stop word ("£40m a year"): the choice still starts at the figure.
    expect(understand('were the contracts £40m a year or £55m a year', [], kb.language).choices?.map((c) => c[0])).toEqual(['40m', '55m'])
  })

  it('declines a figure for a named part ("the Bluewater contract") when the sources give only the whole\'s', async () => {
    expect((await ask('how much was the Bluewater contract worth?')).answered).toBe(false)
    expect((await ask('how much were the ferry contracts worth?')).answered).toBe(true)
    // A slip is not a name: "the ferry contarcts" still asks about the whole.
    expect((await ask('how much were the ferry contarcts worth?')).answered).toBe(true)
  })

  it('takes a share or a sum for a count only at a push, below what a count must carry: "84 per cent of crews" says how many of them, not how many there were', () => {
    const ctx = (counted: string, focus: string[] = []): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus, asked: new Set([toTerm(counted) as string]), countOf: new Set([toTerm(counted) as string]), countNamed: new Set(), matched: new Set(), asksAttribution: false, yearsAsked: new Set() })
    expect(kindScore('count', 'The strike went ahead after 84 per cent of those voting backed it.', ctx('members'))).toBeLessThan(0.5)
    expect(kindScore('count', 'The operators paid £40m for the routes.', ctx('operators'))).toBeLessThan(0.5)
    expect(kindScore('count', 'The strike went ahead after 84 per cent of those voting, 1,200 in all, backed it.', ctx('members'))).toBeGreaterThanOrEqual(0.5)
    // Asked how many millions, a sum is the count; asked how many times, "the fourth time" says.
    expect(kindScore('count', 'The operators paid £40m for the routes.', ctx('millions', ['millions']))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'It was only the fourth time the crews had struck, after 84 per cent backed it.', ctx('times'))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'It was only the fourth time the crews had struck, after 84 per cent backed it.', ctx('members'))).toBeLessThan(0.5)
    // A digit within a name ("K9 Marine") counts nothing either.
    expect(kindScore('count', 'Most of the crews chanted at a K9 Marine van on the quay.', ctx('crews'))).toBeLessThan(0.5)
  })

  it('reads "11 of the 21 planned routes" as counting routes, so it does not answer "how many crews"', () => {
    const ctx = (counted: string): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set([toTerm(counted) as string]), countNamed: new Set(), matched: new Set(), asksAttribution: false, yearsAsked: new Set() })
    const sentence = 'The council named the operators to run 11 of the 21 planned routes.'
    expect(kindScore('count', sentence, ctx('crews'))).toBeLessThan(0.5)
    expect(kindScore('count', sentence, ctx('routes'))).toBe(1)
    expect(kindScore('count', 'The operators kept 40 of their crews.', ctx('crews'))).toBe(1)
    // A figure after the word asked about counts it, unless it sits right before another word, which it counts.
    expect(kindScore('count', 'The number of crews fell to 40 in 2016.', ctx('crews'))).toBe(1)
    expect(kindScore('count', 'Crews from two rival operators met on the quay.', ctx('crews'))).toBeLessThan(1)
    // An adverb after the figure, or before what "of the" counts, describes; it is not what is counted.
    expect(kindScore('count', 'The number of crews was 40 nationally.', ctx('crews'))).toBe(1)
    expect(kindScore('count', 'Just six of the privately owned routes ran at night.', ctx('routes'))).toBeGreaterThan(0.3)
    // "One of the biggest operators" counts nothing; "over half of the crossings" says how many of them.
    expect(kindScore('count', 'Bluewater, one of the biggest operators, sold its boats on 3 May 2019.', ctx('crews'))).toBeLessThan(0.5)
    expect(kindScore('count', 'Over half of the crossings ran late.', ctx('crossings'))).toBe(1)
    expect(kindScore('count', 'In the first half of 2019 the crossings ran late.', ctx('crossings'))).toBeLessThan(1)
    // A figure counting a word too common to search for still counts something else.
    expect(kindScore('count', 'The operators gave three things as reasons for the cuts to the crews.', ctx('crews'))).toBeLessThan(0.5)
  })

  it('takes the two dates that open and close something ("opened on 9 January 2013 and closed on 22 February 2013") for how long, but not one date', () => {
    const ctx = kindContext({ focus: ['long', 'open'], asked: new Set(['review']) })
    expect(kindScore('duration', 'The board review opened on 9 January 2013 and closed on 22 February 2013.', ctx)).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('duration', 'The board review ran from March 2014 to June 2015.', ctx)).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('duration', 'The board review opened on 9 January 2013.', ctx)).toBeLessThan(0.5)
    // Two dates not joined as a start and an end, or one date twice, say nothing of how long.
    expect(kindScore('duration', 'The board review, published in March 2019, looked back at crossings made in June 2018.', ctx)).toBeLessThan(0.5)
    expect(kindScore('duration', 'The board review opened in March 2019 and closed in March 2019, the Harbour Blog said in March 2019.', ctx)).toBeLessThan(0.5)
  })

  it('takes a span ("a 24-hour strike") or its bound ("since October 2018") for how long, but not a span in another unit than the one asked', () => {
    const ctx = (focus: string[]): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus, asked: new Set(['strike']), countOf: new Set(), countNamed: new Set(), matched: new Set(), asksAttribution: false, yearsAsked: new Set() })
    expect(kindScore('duration', 'The crews held a 24-hour strike on 5 November 2013.', ctx(['long', 'strike']))).toBe(1)
    expect(kindScore('duration', 'The board had known of the losses since October 2018.', ctx(['long', 'known']))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('duration', 'The board knew of the losses in October 2018.', ctx(['long', 'known']))).toBeLessThan(0.5)
    expect(kindScore('duration', 'Since October 2018 the board had known of the losses.', ctx(['long', 'known']))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('duration', 'The board hired up to 2019 staff.', ctx(['long', 'hired']))).toBeLessThan(0.5)
    expect(kindScore('duration', 'The crossing took an hour.', ctx(['long', 'crossing']))).toBeGreaterThanOrEqual(0.5)
    // Asked "how many days…", a span in hours answers something else; one given daily is in days.
    const inDays = { ...ctx(['days', 'notice', 'strike']), unitAsked: 'day' }
    expect(kindScore('duration', 'The crews held a 24-hour strike on 5 November 2013.', inDays)).toBeLessThan(0.5)
    expect(kindScore('duration', 'The crews held a strike of three days.', inDays)).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('duration', 'The crews struck daily.', inDays)).toBeGreaterThanOrEqual(0.5)
    // Without a unit asked, a word of the question that happens to be a unit does not set one.
    expect(kindScore('duration', 'The day of action lasted 24 hours.', ctx(['long', 'day', 'action']))).toBeGreaterThanOrEqual(0.5)
  })

  it('takes a figure counting passengers, crews or staff as an answer to "how many people", but not a figure counting routes', () => {
    const ctx = (anyPeople: boolean): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set(['peopl']), countNamed: new Set(), countsAnyOf: anyPeople ? 'people' : undefined, matched: new Set(), asksAttribution: false, yearsAsked: new Set() })
    expect(kindScore('count', 'Bluewater carried 28,750 passengers across the islands.', ctx(true))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'Bluewater carried 28,750 passengers across the islands.', ctx(false))).toBeLessThan(0.5)
    expect(kindScore('count', 'Bluewater kept 40 crews on the islands.', ctx(true))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'Bluewater kept 120 staff on the islands.', ctx(true))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'Bluewater won six routes across the islands.', ctx(true))).toBeLessThan(0.5)
  })

  it('takes "most" or "the majority" for a share asked for only at a push: a figure or a fraction gives one', () => {
    const ctx = kindContext({ focus: ['crews', 'strike'], asked: new Set(['crew', 'strike']), matched: new Set(['crew', 'strike']) })
    expect(kindScore('percent', 'Most crews joined the strike in March 2016.', ctx)).toBeLessThanOrEqual(0.5)
    expect(kindScore('percent', 'The majority of crews joined the strike.', ctx)).toBeLessThanOrEqual(0.5)
    expect(kindScore('percent', 'Half of the crews joined the strike.', ctx)).toBe(1)
    expect(kindScore('percent', '84% of crews joined the strike.', ctx)).toBe(1)
  })

  it('takes a figure counting "people" as an answer to "how many passengers", but not a figure counting crews', () => {
    const ctx = (countClass: 'people' | undefined): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set([toTerm('passengers') as string]), countNamed: new Set([toTerm('passengers') as string]), countClass, matched: new Set(), asksAttribution: false, yearsAsked: new Set() })
    expect(kindScore('count', 'The night routes carried an extra 50,000 people a year.', ctx('people'))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'The night routes carried an extra 50,000 people a year.', ctx(undefined))).toBeLessThan(0.5)
    expect(kindScore('count', 'Bluewater kept 40 crews on the night routes.', ctx('people'))).toBeLessThan(0.5)
  })

  it('takes a figure counting organisations, charities or companies as an answer to "how many groups", but not one counting routes or crews', () => {
    const ctx = (countsAnyOf: 'organisations' | undefined): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set([toTerm('groups') as string]), countNamed: new Set(), countsAnyOf, matched: new Set(), asksAttribution: false, yearsAsked: new Set() })
    expect(kindScore('count', 'The board awarded £19 million to 26 organisations across the islands.', ctx('organisations'))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'The board awarded £19 million to 26 organisations across the islands.', ctx(undefined))).toBeLessThan(0.5)
    expect(kindScore('count', 'Seven companies and 16 charities bid for the routes.', ctx('organisations'))).toBeGreaterThanOrEqual(0.5)
    expect(kindScore('count', 'Bluewater won six routes across the islands.', ctx('organisations'))).toBeLessThan(0.5)
    expect(kindScore('count', 'Bluewater kept 40 crews on the islands.', ctx('organisations'))).toBeLessThan(0.5)
  })

  it('takes no month for a name: "in March" beside the words asked about names nobody who did it', () => {
    const ctx = kindContext({ focus: ['cut', 'night', 'routes'], asked: new Set(['cut', 'rout']), matched: new Set(['cut', 'night', 'rout']) })
    expect(kindScore('entity', 'They cut the night routes in March 2016.', ctx)).toBe(0)
    expect(kindScore('entity', 'The operator Bluewater cut the night routes in March 2016.', ctx)).toBe(1)
    // Nor whoever says so, though a description stands between the name and "said": they report it.
    expect(kindScore('entity', 'Jo Bluewater, chair of the harbour board, said they cut the night routes in March 2016.', ctx)).toBe(0)
  })


  it('ends a name at a possessive: "Harbour Links\' Pinter route" names no person, so it does not answer "who was the chair"', () => {
    const ctx = kindContext({ focus: ['chair', 'board'], asked: new Set(['chair', 'board']), matched: new Set(['chair', 'board']) })
    expect(kindScore('person', "The chair of the board closed Harbour Links' Pinter route.", ctx)).toBe(0)
    expect(kindScore('person', "The chair of the board, Jo Bluewater, closed Harbour Links' route.", ctx)).toBe(1)
  })
  it('says why each sentence it declined to use does not answer: "a 12-hour strike" is not the kind of answer "how many crews" asks for', async () => {
    const query = understand('how many ferry crews were there?', [], kb.language)
    const p = plan(await retrieve(kb, query), query, context)
    expect(p.refused).toBe('no sentence supplies what was asked')
    const strike = p.candidates.find((c) => /12-hour strike/.test(c.sentence))
    expect(strike && p.shortfall?.(strike)).toBe('not the kind of answer asked for')
    const when = understand('when did the ferry crews strike?', [], kb.language)
    const answered = plan(await retrieve(kb, when), when, context)
    expect(answered.chosen[0] && answered.shortfall?.(answered.chosen[0])).toBeUndefined()
  })

  it('does not answer "how many" with a figure joined to the word it describes ("a 12-hour strike")', async () => {
    const a = await ask('how many ferry crews were there?')
    expect(a.answered).toBe(false)
    expect(sentencesOf(await ask('when did the ferry crews strike?'))[0]).toMatch(/12-hour strike on 12 April 2019/)
  })

  it('does not count the words of a source\'s name that says who reported a sentence as what the sentence is about', async () => {
    // "World Ferry Review reported" holds "world", but the sentence is not about any world cup.
    expect((await ask('how much did the world cup cost in 2019?')).answered).toBe(false)
    expect(sentencesOf(await ask('how much did ferry fares rise in 2019?'))[0]).toMatch(/rose by £2 a ticket in April 2019/)
  })

  it('answers a question naming a year only with sentences about that year', async () => {
    // The 120 cancellations were in the winter of 2015 (the passage's date): no answer about 2019.
    expect(sentencesOf(await ask('how many crossings were cancelled in 2015?'))[0]).toMatch(/120 crossings were cancelled/)
    expect((await ask('how many crossings were cancelled in 2019?')).answer).not.toMatch(/120 crossings/)
  })

  it('does not take a year the question itself names for the answer to "when" ("… after the 2015 award?")', () => {
    const ctx = (years: number[]): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set(), countNamed: new Set(), matched: new Set(), asksAttribution: false, yearsAsked: new Set(years) })
    const onlyThatYear = 'The ferry contracts were awarded in 2015 to three operators.'
    expect(kindScore('time', onlyThatYear, ctx([]))).toBeGreaterThan(0)
    expect(kindScore('time', onlyThatYear, ctx([2015]))).toBe(0)
    // Another year, or a month of the year named, still says when.
    expect(kindScore('time', 'The contracts were awarded in 2015 and the operators took over in 2016.', ctx([2015]))).toBeGreaterThan(0)
    expect(kindScore('time', 'The contracts were awarded in February 2015.', ctx([2015]))).toBeGreaterThan(0)
    // A decade says when too, if loosely.
    expect(kindScore('time', 'Night crossings were first cut back in the 1990s.', ctx([]))).toBeGreaterThan(0)
    // A month's name is a date only where a date stands: "Theresa May" dates nothing.
    expect(kindScore('time', 'The chair had campaigned for Theresa May to lead the party.', ctx([]))).toBe(0)
    expect(kindScore('time', 'The chair was appointed in May, the board said.', ctx([]))).toBeGreaterThan(0)
  })

  it('does not take a day or month the question itself names for the answer to "when" ("the board said in Sept 2016 … until when?")', () => {
    const asked = (question: string): KindContext => ({ lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, focus: [], asked: new Set(), countOf: new Set(), countNamed: new Set(), matched: new Set(), asksAttribution: false, yearsAsked: new Set([2016]), datesAsked: datesNamed(question, kb.language.lexicon) })
    const question = 'the board said in sept 2016 the night routes would stay shut until when'
    expect(datesNamed(question, kb.language.lexicon)).toEqual([{ month: 8, year: 2016 }])
    expect(kindScore('time', 'The harbour board said in September 2016 that the night routes would stay shut.', asked(question))).toBe(0)
    expect(kindScore('time', 'The harbour board said in September 2016 that the night routes would stay shut until 2018.', asked(question))).toBeGreaterThan(0)
    // A day in the month named says more than the asker knows; "may" alone is no month.
    expect(kindScore('time', 'The harbour board said on 12 September 2016 that the night routes would stay shut.', asked(question))).toBeGreaterThan(0)
    expect(datesNamed('may i ask when the routes closed', kb.language.lexicon)).toEqual([])
    // Another month, though named without its year, is news; a name that is also a month's is none.
    expect(kindScore('time', 'The harbour board said in September 2016 that the night routes would stay shut until June.', asked(question))).toBeGreaterThan(0)
    expect(kindScore('time', 'The harbour board, with Theresa May backing it, said in September 2016 that the night routes would stay shut.', asked(question))).toBe(0)
  })

  it('does not count "dated" in a sentence as holding the "date" of "on what date…": the word names the kind of answer, not what it is about', async () => {
    const query = understand('on what date were the ferry contracts given to the operators?', [], kb.language)
    const p = plan(await retrieve(kb, query), query, context)
    const coverageOf = (pattern: RegExp) => p.candidates.find((c) => pattern.test(c.sentence))?.coverage ?? 0
    expect(coverageOf(/report on the ferry contracts was dated/)).toBeLessThan(coverageOf(/awarded the ferry contracts to three operators/))
  })

  it('reads "who ran it in 2016?" as asking who ran it, the year settled by when a sentence dates from, not held or searched for', async () => {
    const query = understand('who ran the night routes in 2016?', [], kb.language)
    const p = plan(await retrieve(kb, query), query, context)
    const owner = p.candidates.find((c) => /Bluewater would run the night routes/.test(c.sentence))
    // All the question asks of a sentence is who ran the night routes: the year is no concept it must hold.
    expect(owner?.ownCoverage).toBe(1)
    // Given the routes in February 2015, before the year asked, Bluewater still stands for 2016 nearly as well as a sentence of 2016.
    expect(owner?.yearFit).toBe(0.95)
    // Nor does retrieval search for the year: the passage giving the owner holds all that is asked.
    expect((await retrieve(kb, query)).hits.find((h) => h.record.id === 'gazette-2015-ferry-contracts#2')?.coverage).toBe(1)
  })

  it('leaves out a slipped stop word even where it looks like a word of the sources ("happend", "Hapend Pier")', async () => {
    const retrieval = await retrieve(kb, understand('what happend to the night routes', [], kb.language))
    expect(retrieval.slots.flatMap((s) => s.typed)).toEqual(['night', 'routes'])
  })

  /** Understanding that leaves a slip as typed, as it does one it cannot put right (a letter wrong or extra): retrieval's own corrections are then what is tested. */
  const asTyped = { ...kb.language, isIndexed: () => true }

  it('takes a word one slip from a word of the sources for that word, not for a stop word two slips away ("runing" is "running", not "during")', async () => {
    const retrieval = await retrieve(kb, understand('is bluewater still runing the night routes', [], asTyped))
    expect(retrieval.slots.flatMap((s) => s.typed)).toContain('runing')
  })

  it('takes a correctly spelt English word for itself, not for a slip of a word the sources hold ("contrast" is not "contract")', async () => {
    const unknown = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).unknown
    expect(await unknown('who won the contrast')).toBe(1)
    expect(await unknown('who won the contarct')).toBe(0)
  })

  it('answers a one-word question found only through a slip, whose coverage is exactly the bar for a short question', async () => {
    expect((await ask('ferrries')).answered).toBe(true)
  })

  it('allows a word of twelve letters or more three slips ("Pembrookshyre")', async () => {
    const unknown = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).unknown
    expect(await unknown('did the crews in pembrookshyre strike')).toBe(0)
  })

  it('takes two neighbouring letters swapped as a slip even when they spell another English word the sources lack ("wroth" for "worth")', async () => {
    const retrieval = await retrieve(kb, understand('what were the contracts wroth', [], kb.language))
    expect(retrieval.unknown).toBe(0)
  })

  it('corrects a slip in the word as typed when it breaks the ending the stemmer strips ("crossingss", "crssings" for "crossings")', async () => {
    for (const q of ['how many crossingss were cancelled', 'how many crssings were cancelled']) {
      const retrieval = await retrieve(kb, understand(q, [], kb.language))
      expect(retrieval.unknown, q).toBe(0)
      expect(retrieval.hits[0]?.record.text, q).toMatch(/120 crossings were cancelled/)
    }
  })

  it('corrects the word as typed before looking for terms near its term ("winte" is "winter", not "win")', async () => {
    const query = understand('were crossings cancelled in the winte', [], asTyped)
    const slip = query.slots.find((s) => s.typed[0] === 'winte')?.alternatives[0]?.[0] as string
    const retrieval = await retrieve(kb, query)
    const terms = retrieval.hits.flatMap((h) => h.termsFor(slip))
    expect(terms.length).toBeGreaterThan(0)
    expect(new Set(terms)).toEqual(new Set([toTerm('winter')]))
  })

  it('weighs a word corrected by one slip as a fuzzy match, not as the word typed right: it may be a name ("pinter" is not "winter")', async () => {
    const top = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).hits[0]
    const typed = await top('were crossings cancelled in the pinter')
    const right = await top('were crossings cancelled in the winter')
    expect(typed?.passage).toBe(right?.passage)
    expect(typed?.score).toBeLessThan((right?.score ?? 0) * 0.9)
    expect(typed?.coverage).toBeLessThan(right?.coverage ?? 0)
  })

  it('corrects a word of four letters only by a neighbouring key or two letters swapped, to a word that is no everyday English ("jume" is "June", "jone" is another name)', async () => {
    const unknown = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).unknownWords
    expect(await unknown('what happened to the fares in jume 2021')).toEqual([])
    expect(await unknown('what happened to the fares in jnue 2021')).toEqual([])
    expect(await unknown('what happened to the fares in jone 2021')).toEqual(['jone'])
  })

  it('takes a short word with a stray last letter for the everyday word left ("rans" is "ran"), but not a word left that no passage holds', async () => {
    const retrieval = await retrieve(kb, understand('who rans the ferries now', [], kb.language))
    expect(retrieval.unknownWords).toEqual([])
    expect(retrieval.hits.flatMap((h) => h.termsFor(toTerm('rans') as string))).toContain(toTerm('run'))
    expect((await retrieve(kb, understand('what happened to the fares in jonx 2021', [], kb.language))).unknownWords).toEqual(['jonx'])
  })

  it('splits two words run together that no passage holds ("ferrycontracts", "thecontracts"), but not a name that is a stop word and a short word ("norway")', async () => {
    const top = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).hits[0]?.passage
    expect(await top('who won the ferrycontracts')).toBe(await top('who won the ferry contracts'))
    expect((await retrieve(kb, understand('who won thecontracts', [], kb.language))).unknown).toBe(0)
    const slots = (await retrieve(kb, understand('who won the ferrycontracts', [], kb.language))).slots
    expect(slots.find((s) => s.typed[0] === 'ferrycontracts')?.alternatives).toEqual([[toTerm('ferry'), toTerm('contracts')]])
    expect((await retrieve(kb, understand('did the ferries sail to norway', [], kb.language))).unknownWords).toEqual(['norway'])
  })

  it('joins a word split by a space when one part is held by no passage and together they spell a word that is ("cancel led", "oper ators"), not two words both held ("night routes")', async () => {
    const retrievalOf = (q: string) => retrieve(kb, understand(q, [], kb.language), 8)
    for (const q of ['how many crossings were cancel led', 'who were the three oper ators']) {
      const retrieval = await retrievalOf(q)
      expect(retrieval.unknown, q).toBe(0)
    }
    const split = await retrievalOf('how many crossings were cancel led')
    expect(split.slots.map((s) => s.alternatives)).toEqual([[[toTerm('crossings')]], [[toTerm('cancelled')]]])
    expect((await retrievalOf('what happened to the night routes')).slots.map((s) => s.typed)).toEqual([['night'], ['routes']])
  })

  it('gives a word joined from two parts the alternatives the vocabulary gives the word ("rev ersed" also finds "public control")', async () => {
    const slotsOf = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).slots.map((s) => s.alternatives)
    expect(await slotsOf('when was the ferry service rev ersed')).toEqual(await slotsOf('when was the ferry service reversed'))
  })

  it('gives a corrected word the alternatives the vocabulary gives the word typed right ("reverssed" also finds "public control")', async () => {
    const slotsOf = async (q: string) => (await retrieve(kb, understand(q, [], kb.language))).slots.map((s) => s.alternatives)
    expect(await slotsOf('when was the ferry service reverssed')).toEqual(await slotsOf('when was the ferry service reversed'))
  })

  it('answers a follow-up with something the last answer did not say when that answers nearly as well, and says it again when nothing else does', async () => {
    const firstSentence = async (question: string, said?: string) => {
      const query = understand(question, [], kb.language)
      return plan(await retrieve(kb, query), query, { ...context, ...(said !== undefined && { said }) }).chosen[0]?.sentence ?? ''
    }
    const operators = await firstSentence('which operators won the ferry contracts?')
    expect(operators).toMatch(/^The Harbour Board awarded the ferry contracts/)
    expect(await firstSentence('which operators won the ferry contracts?', `${operators} [1]`)).toMatch(/^Three operators, Bluewater, Tidal Lines and Harbour Link/)
    const awarded = await firstSentence('when were the ferry contracts awarded?')
    expect(await firstSentence('when were the ferry contracts awarded?', `${awarded} [1]`)).toBe(awarded)
  })

  it('passes on what the last answer said only to a follow-up asking for the same kind of answer again, or for none in particular', () => {
    const history = [{ question: 'which operators won the ferry contracts?', answer: 'Three operators won. [1]' }]
    expect(saidBefore(kb, history, understand('and which operators won the island routes?', history, kb.language))).toBe('Three operators won. [1]')
    // "How did they do?" asks for no kind the last answer could hold: saying it again tells nothing.
    const awarded = [{ question: 'when were the ferry contracts awarded?', answer: 'In March 2015. [1]' }]
    expect(saidBefore(kb, awarded, understand('and how did they do?', awarded, kb.language))).toBe('In March 2015. [1]')
    expect(saidBefore(kb, history, understand('when?', history, kb.language))).toBeUndefined()
    // Who ran something in another year may be who ran it in the year asked before: it may be said again.
    const ran = [{ question: 'which company ran the night routes in 2017?', answer: 'Bluewater ran them. [1]' }]
    expect(saidBefore(kb, ran, understand('and in 2019?', ran, kb.language))).toBeUndefined()
    expect(saidBefore(kb, [{ question: 'which operators won the ferry contracts?' }], understand('and the island routes?', [], kb.language))).toBeUndefined()
  })

  it('answers a follow-up about now with the latest state again rather than an older one it has not said', async () => {
    const first = await ask('who runs the ferries now?')
    expect(sentencesOf(first)[0]).toMatch(/returned to public control on 26 June 2021/)
    const again = await ask('and who runs them today?', ['who runs the ferries now?'])
    expect(again.answer).toMatch(/^As of 26 June 2021/)
    expect(sentencesOf(again)[0]).toMatch(/returned to public control on 26 June 2021/)
  })

  it('takes a follow-up with no time of its own ("what about the island routes?") to ask about now when the question before it did', async () => {
    const a = await ask('what about the island routes?', ['who runs the ferries now?'])
    expect(a.asOf).toBe('2021-06-26')
    // Naming a time of its own, it asks about that time.
    expect((await ask('what about in 2016?', ['who runs the ferries now?'])).asOf).toBeUndefined()
    // Down a chain of follow-ups too; and a thing the passage on how things stand does not name ("the pier") is answered by it, as it says how everything stands.
    expect((await ask('what about the pier?', ['who runs the ferries now?', 'and the island routes?'])).asOf).toBe('2021-06-26')
    expect(sentencesOf(await ask('what about the pier?', ['who runs the ferries now?']))[0]).toMatch(/returned to public control on 26 June 2021/)
  })

  it('answers an open question ("what did the review say…") with more of its passage, not only its first sentence', async () => {
    const a = await ask('what did the review say about the night routes')
    expect(sentencesOf(a)[0]).toMatch(/^The operators cut back the night routes in March 2016.*too few passengers travelled after dark/)
    expectFindableQuotes(a)
  })

  it('goes on from the first sentence with another of its passage that holds less of the question', async () => {
    const a = await ask('Which companies run the ferries?')
    expect(sentencesOf(a)).toContain('Three operators, Bluewater, Tidal Lines and Harbour Link, won the ferry contracts on 1 February 2015, the Gazette reported.')
    expect(new Set(a.citations.map((c) => c.passageId)).size).toBe(1)
    expectFindableQuotes(a)
  })

  it('declines when no passage ever speaks of the thing asked for ("what was the turnout…"), however much else matches', async () => {
    const query = understand('what was the turnout on the night routes', [], kb.language)
    const refused = plan(await retrieve(kb, query), query, context).refused
    expect(refused).toBe('what it asks for is never mentioned')
    expect((await ask('what was the turnout on the night routes')).answered).toBe(false)
  })

  it('declines a question about a thing no sentence names ("the deputy chair"), even where a sentence names one like it ("the chair")', async () => {
    expect((await ask('who was the deputy chair of the harbour board?')).answered).toBe(false)
    expect(sentencesOf(await ask('who was the chair of the harbour board?'))[0]).toMatch(/^Kerensa Polglaze/)
  })

  it('answers "how much did they pay for X" only with a sentence about X, not with another sum they paid', async () => {
    expect((await ask('how much did the three operators pay for the pier?')).answered).toBe(false)
    expect(sentencesOf(await ask('how much did passengers pay for a ticket in 2019?'))[0]).toMatch(/rose by £2 a ticket/)
  })

  it('declines "who were X\'s administrators?" when the sources say only that X went into administration: a word sharing the stem is not the thing asked for', async () => {
    expect((await ask("who were harbour link's administrators?")).answered).toBe(false)
    expect((await ask("who was harbour link's administrator in 2019?")).answered).toBe(false)
    expect(sentencesOf(await ask('what happened to harbour link?'))[0]).toMatch(/^Harbour Link went into administration in February 2019/)
    // A verb of the stem may say who does it: "operated by the Harbour Board" names the operator.
    expect(sentencesOf(await ask("who were the operators of harbour link's routes after it went into administration?"))[0]).toMatch(/operated by the Harbour Board/)
  })

  it('answers "which … had the most / the worst …" only with a sentence that ranks something, and declines where none does', async () => {
    expect(sentencesOf(await ask('which routes had the most cancellations?'))[0]).toMatch(/mostly on the night routes/)
    expect((await ask('which route had the worst delays?')).answered).toBe(false)
    // "The most recent" orders in time, and ranks nothing.
    expect(sentencesOf(await ask('what was the most recent thing the harbour blog said about the night timetable?'))[0]).toMatch(/night timetable had been pretty well reversed/)
  })

  it('does not ask the answer to repeat the whole a question picks from ("which of all 3 operators…")', async () => {
    expect(sentencesOf(await ask('which of all 3 operators ran the night routes?'))[0]).toBe('The Gazette said Bluewater would run the night routes.')
    expect(sentencesOf(await ask('out of all 3 operators, which one ran the night routes?'))[0]).toBe('The Gazette said Bluewater would run the night routes.')
  })

  it('answers "who chaired the X" only with a sentence about X, not with whoever chaired something else', async () => {
    expect((await ask('who chaired the ferry union?')).answered).toBe(false)
    expect(sentencesOf(await ask('who chaired the harbour board?'))[0]).toMatch(/^Kerensa Polglaze/)
  })

  it('answers a question naming a figure ("a 24-hour strike") only with a sentence holding that figure, a span of years ("2019-20") aside', async () => {
    expect((await ask('when did the ferry crews hold a 24-hour strike?')).answered).toBe(false)
    expect(sentencesOf(await ask('when did the ferry crews hold a 12-hour strike?'))[0]).toMatch(/12-hour strike on 12 April 2019/)
    expect(sentencesOf(await ask('how much did ferry fares rise in 2019-20?'))[0]).toMatch(/rose by £2 a ticket in April 2019/)
  })

  it('reads "who came after her?" as asking about the person the last answer named, however the question is framed', async () => {
    const question = 'who was appointed chair of the harbour board in march 2018?'
    expect(sentencesOf(await ask(question))[0]).toMatch(/^Kerensa Polglaze/)
    expect(sentencesOf(await ask('and who came after her?', [question]))[0]).toMatch(/^Tamsin Trevail/)
    expect(sentencesOf(await ask("hello, sorry, quick question, I'd like to know: who came after her?", [question]))[0]).toMatch(/^Tamsin Trevail/)
  })

  it('answers a follow-up whose only words are of publishing ("when did that come out?") about what it follows', async () => {
    expect(sentencesOf(await ask('when did that come out?', ['what did the world ferry review say about fares?']))[0]).toMatch(/April 2019, when the three operators raised/)
    expect(sentencesOf(await ask('when did that come out?', ['who rated the harbour link company poor?']))[0]).toBe('My sources date this to December 2015: The Harbour Board rated the Harbour Link company poor after the cancellations.')
  })

  it('answers a follow-up from the last answer as the engine gives it, whatever answer a client sends with the history', async () => {
    const question = 'which operator would run the night routes?'
    const trusted = await answer(kb, 'when did it cut them back?', [{ question }])
    expect(trusted.answer).toMatch(/March 2016/)
    expect(await answer(kb, 'when did it cut them back?', [{ question, answer: 'Tidal Lines ran everything.' }])).toEqual(trusted)
    // Nor does a client's answer reach a question too long to be a follow-up.
    const long = 'who came after her as chair of the harbour board once the ferry contracts had been running for a few years?'
    expect(await answer(kb, long, [{ question, answer: 'Kerensa Polglaze chaired it.' }])).toEqual(await answer(kb, long, [{ question }]))
  })

  it('answers with a name the sources write out when the question gives only its abbreviation ("WFR" for "World Ferry Review")', async () => {
    expect(sentencesOf(await ask('what did the WFR say about fares'))[0]).toMatch(/World Ferry Review reported/)
    expect(sentencesOf(await ask('who bid for the cafés besides quayside kitchens, was it PSM?'))[0]).toMatch(/Pier Staff Mutual/)
  })

  it('adds no sentence that only repeats what the first holds', async () => {
    const a = await ask('how many crossings were cancelled?')
    expect(a.citations).toHaveLength(1)
    expect(a.answer).not.toMatch(/complained/)
  })

  it('gives a fact two sources state as one sentence with both citations', async () => {
    const a = await ask('which operators won the ferry contracts on 1 February 2015?')
    expect(a.answer).toMatch(/\[1\]\[2\]/)
    expect(new Set(a.citations.map((c) => c.sourceId))).toEqual(new Set(['board-2021-ferry-review', 'gazette-2015-ferry-contracts']))
    expectFindableQuotes(a)
  })

  it('does not cite as the same fact a sentence whose figures only contain the ones stated: "21 February" is not "1 February"', async () => {
    const a = await ask('which operators won the ferry contracts on 1 February 2015?')
    expect(a.citations.map((c) => c.sourceId)).not.toContain('wfr-2019-ferry-fares')
  })

  it('shows every side of a disagreement between sources, each with its citation, after naming what they differ on', async () => {
    const a = await ask('how much were the ferry contracts worth?')
    expect(a.answer).toMatch(/£40m/)
    expect(a.answer).toMatch(/£55m/)
    expect(a.answer).toMatch(/Sources differ on what the ferry contracts were worth:/)
    expect(a.citations.map((c) => c.sourceId).sort()).toEqual(['board-2021-ferry-review', 'gazette-2015-ferry-contracts'])
    expectFindableQuotes(a)
  })

  it('leads with the most authoritative side of a disagreement that answers about as well, unless the question asks what a source said', async () => {
    // The Gazette's sentence scores a little higher here; the Harbour Board's own figure leads.
    const a = await ask("what was the ferry contracts' worth over the years")
    expect(a.citations[0]?.sourceId).toBe('board-2021-ferry-review')
    expect(a.answer).toMatch(/Sources differ on what the ferry contracts were worth: The Gazette reported that the ferry contracts were worth £55m/)
    const said = await ask('how much did the gazette say the contracts were worth')
    expect(said.citations[0]?.sourceId).toBe('gazette-2015-ferry-contracts')
    // Sources differing on another kind of value than the one asked do not differ on the answer: the best-scoring sentence keeps its lead.
    const query = understand("what was the ferry contracts' worth over the years", [], kb.language)
    const retrieval = await retrieve(kb, query)
    const lead = (about: string) => compose(retrieval, query, { ...context, disputes: new Map([['contract-value', { about }]]) })?.citations[0]?.sourceId
    expect(lead('What the ferry contracts were worth')).toBe('board-2021-ferry-review')
    expect(lead('When the ferry contracts were awarded')).toBe('gazette-2015-ferry-contracts')
    // Nor do sources differing on something whose kind of value their words do not tell, asked for a value.
    expect(lead('How the ferry contracts were shared out')).toBe('gazette-2015-ferry-contracts')
  })

  it('names what sources differ on as a clause after "on": a question word starting it in lower case, a name as written, and only a disagreement over the kind of value asked for', async () => {
    const query = understand('how much were the ferry contracts worth?', [], kb.language)
    const retrieval = await retrieve(kb, query)
    const about = (text: string) => compose(retrieval, query, { ...context, disputes: new Map([['contract-value', { about: text }]]) })?.answer
    expect(about('What the ferry contracts were worth')).toMatch(/Sources differ on what the ferry contracts were worth: /)
    expect(about("Harbour Link's price for the contracts")).toMatch(/Sources differ on Harbour Link's price for the contracts: /)
    // A disagreement over another kind of value than the one asked for, or one whose kind its words do not tell, is not named as the one
    // the answer differs on: its sides show as other sources differing on that.
    for (const other of ['When the ferry contracts were awarded', 'How the ferry contracts were shared out']) {
      expect(about(other), other).not.toMatch(/(?<!Other )Sources differ on/)
      expect(about(other), other).toMatch(new RegExp(`Other sources differ on ${other.charAt(0).toLowerCase()}${other.slice(1)}: .*£55m`))
    }
    // A yes/no question asks of the kind of figure it names.
    const polar = understand('were the ferry contracts worth £40m?', [], kb.language)
    const checked = compose(await retrieve(kb, polar), polar, { ...context, disputes: new Map([['contract-value', { about: 'What the ferry contracts were worth' }]]) })?.answer
    expect(checked).toMatch(/Sources differ on what the ferry contracts were worth: /)
  })

  it('takes a sentence of a side\'s passage sharing no word with what the sources differ on for no side ("… the crews were given new uniforms")', async () => {
    const side = (id: string, publisher: string, month: string) =>
      gazette(id, 'Fares rise', `2016-${month}`, `${publisher} reported that fares on the night routes rose by £2 a ticket in ${month === '07' ? 'July' : 'September'} 2016. ${publisher} added that the crews of the night routes were given new uniforms that year, paid for by the harbour board.`, 'When did fares rise?')
        .replace(`Date: 2016-${month}`, `Date: 2016-${month}\nConflict: fare-rise`)
        .replaceAll('Harbour Gazette', publisher)
    const small = await smallKb({ 'gazette.md': side('gazette', 'The Gazette', '07'), 'herald.md': side('herald', 'The Herald', '09') }, undefined, { 'fare-rise': 'When the fares rose: July or September 2016' })
    // Each side is cited as such, never also as agreeing with the other: July is not September.
    expect((await answer(small, 'when did the fares rise?', [])).answer).toMatch(/July 2016\. \[1\] Sources differ on when the fares rose: .*September 2016\. \[2\]$/)
    const uniforms = await answer(small, 'were the crews given new uniforms?', [])
    expect(sentencesOf(uniforms)[0]).toMatch(/crews of the night routes were given new uniforms/)
    expect(uniforms.answer).not.toMatch(/differ/)
  })

  it('cites another source as stating the same fact only where it dates it to the same month ("in July 2016", not "in September 2016")', async () => {
    const rise = (id: string, publisher: string, when: string) =>
      gazette(id, 'Fares rise', '2016', `${publisher} reported that fares on the night routes rose by £2 a ticket ${when}, the first rise since the operators took over the crossings.`, 'When did fares rise?').replaceAll('Harbour Gazette', publisher)
    const same = await smallKb({ 'gazette.md': rise('gazette', 'The Gazette', 'in July 2016'), 'herald.md': rise('herald', 'The Herald', 'in July 2016') })
    expect((await answer(same, 'when did fares on the night routes rise?', [])).answer).toMatch(/\[1\]\[2\]$/)
    const other = await smallKb({ 'gazette.md': rise('gazette', 'The Gazette', 'in July 2016'), 'herald.md': rise('herald', 'The Herald', 'in September 2016') })
    expect((await answer(other, 'when did fares on the night routes rise?', [])).answer).not.toMatch(/\[1\]\[2\]/)
  })

  it('keeps a sentence that answered first but is no side of the disagreement out of the sides, when a more authoritative side leads', async () => {
    // The blog's compensation figure scores a little higher; the Harbour Board's contract value leads, and the blog is not one of the sources that differ on it.
    const a = await ask('how much was it worth?')
    expect(a.citations[0]?.sourceId).toBe('board-2021-ferry-review')
    expect(a.answer).toMatch(/\[1\] The Harbour Blog said delays to the ticket machines were worth £2m/)
    expect(a.answer).toMatch(/Sources differ on what the ferry contracts were worth: The Gazette reported that the ferry contracts were worth £55m/)
    expectFindableQuotes(a)
  })

  it('shows no sides of a disagreement for a question asking why: sources differ on values, and a reason is none', async () => {
    const a = await ask("why was the board's figure lower?")
    expect(sentencesOf(a)).toEqual(['The Harbour Board said its figure for the ferry contracts was lower than others because it left out the new boats, whose cost was met from another budget.'])
    expect(a.answer).not.toMatch(/Sources differ on/)
  })

  it('leaves out a side of a disagreement that does not answer what was asked: the sources differ on the value, not on when', async () => {
    const a = await ask('when were the ferry contracts awarded?')
    expect(sentencesOf(a)[0]).toMatch(/1 February 2015/)
    expect(a.answer).not.toMatch(/Sources differ on/)
  })

  it('lets the passage whose listed question matches win over one sharing more of the words', async () => {
    const a = await ask('was it reversed?')
    expect(a.answered).toBe(true)
    expect(a.citations[0]?.sourceId).toBe('board-2021-ferry-review')
    expect(a.answer).toMatch(/returned to public control on 26 June 2021/)
  })

  it('answers from the passage whose listed question matches, with its own sentence of the kind asked, before a sentence of another passage holding more of the words', async () => {
    // Another passage says the island routes went back in June 2021 in the question's own words; the one listing the question says April 2019.
    const a = await ask('when did the island routes go back to the harbour board?')
    expect(sentencesOf(a)[0]).toMatch(/in April 2019 the northern operator/)
    expectFindableQuotes(a)
  })

  it('answers a question about now with the latest state recorded, stamped with its date', async () => {
    const a = await ask('who runs the ferries now?')
    expect(a.asOf).toBe('2021-06-26')
    expect(a.answer).toMatch(/^As of 26 June 2021, the latest my sources record: The ferry service returned to public control/)
  })

  it('answers "is it still X doing Y?" with how things stand when nothing on how things stand mentions X', async () => {
    // Bluewater is named only in 2015: the return to public control in 2021 overtook it.
    expect((await ask('is it still bluewater doing the night routes?')).answer).toMatch(/^As of 26 June 2021, the latest my sources record: The ferry service returned to public control/)
  })

  it('answers "is the operator still X?", X a name later events overtook, with how things stand where it names someone else, not where it names no one', async () => {
    expect((await ask('is the operator of the night routes still bluewater?')).answer).toMatch(/^As of 26 June 2021, the latest my sources record: The ferry service returned to public control/)
    // The staff survey of 2021 says nothing of who chairs the board: the latest sentence on the chair answers.
    expect(sentencesOf(await ask('is the harbour board chair still kerensa polglaze?'))[0]).toMatch(/^As of March 2018, the latest my sources record: Kerensa Polglaze/)
    // A person overtaken is replaced by a person: one speaking counts, a body does not.
    const ctx = kindContext()
    expect(namesGiven('The unified board was struggling, the chair of the Harbour Board, Tamsin Trevail, warned.', ctx, true)).toBe(1)
    expect(namesGiven('The ferry service returned to public control, the Harbour Board said.', ctx, true)).toBe(0)
  })

  it('answers a question about now from the passage on how things stand when it holds as much of the question as an older sentence naming the answer more precisely', async () => {
    // "returned to public control … from the three operators" names no operator beside "operates"; the 2015 award names them, but is no longer how things stand.
    const a = await ask('who operates the ferries now?')
    expect(a.asOf).toBe('2021-06-26')
    expect(sentencesOf(a)[0]).toMatch(/returned to public control on 26 June 2021/)
    // It still takes an older sentence that holds more of the question: nothing since says who chairs the board.
    expect(sentencesOf(await ask('who chairs the harbour board now?'))[0]).toMatch(/^As of March 2018, the latest my sources record: Kerensa Polglaze/)
  })

  it('answers "who operates the Bluewater routes now?" with how things stand, which says who has every route, though it names neither Bluewater nor its routes apart', async () => {
    const a = await ask('who operates the bluewater routes now?')
    expect(a.asOf).toBe('2021-06-26')
    expect(sentencesOf(a)[0]).toMatch(/took back every route from the three operators/)
  })

  it('says when an older fact it adds beside how things stand held, so it is not taken for how things stand', async () => {
    const a = await ask('who runs the ferries now?')
    expect(sentencesOf(a)[0]).toMatch(/^As of 26 June 2021, the latest my sources record: The ferry service returned to public control/)
    expect(sentencesOf(a)[1]).toBe('Earlier, as of 1 February 2015: The Gazette said Bluewater would run the night routes.')
    expectFindableQuotes(a)
  })

  it('shows a disagreement beside a latest state only when the sentence giving it is a side, not one borrowed from an older fact', async () => {
    const a = await ask('who runs it now?')
    expect(a.answered).toBe(true)
    expect(a.asOf).toBeDefined()
    expect(a.answer).not.toContain(kb.language.lexicon.message('disputed'))
  })

  it('counts a word of the question beside a name only where the sentence holds its whole concept: "private" alone is not "private company"', async () => {
    // The bidder is "a private bidder"; the buyer stands beside no word of the question. Both hold as much of it.
    expect(sentencesOf(await ask('which private company bought the harbour cafés?'))[0]).toMatch(/^Quayside Kitchens/)
  })

  it('answers "which X…" only from a passage that speaks of an X, unless the cue for a name already says what X is ("which company")', async () => {
    expect(sentencesOf(await ask('which crossings were cancelled in the first winter?'))[0]).toMatch(/120 crossings were cancelled/)
    expect((await ask('which fares were cancelled in the first winter?')).answered).toBe(false)
    // "Company" is in the cue for a name: a passage naming the companies need not say "company".
    expect(understand('which company ran the night routes?', [], kb.language).sortAsked).toBeUndefined()
  })

  it('declines "which X company…" when no passage speaks of X at all: the sources name no such company, only others', async () => {
    expect(sentencesOf(await ask('which company ran the night routes?'))[0]).toMatch(/Bluewater would run the night routes/)
    expect((await ask('which insolvency firm ran the night routes?')).answered).toBe(false)
    // A describing word, or the sort of a publisher, which sources rarely give, narrows nothing away.
    expect(sentencesOf(await ask('which struggling company ran the night routes?'))[0]).toMatch(/Bluewater would run the night routes/)
    expect(sentencesOf(await ask('which local paper said three operators won the ferry contracts?'))[0]).toMatch(/the Gazette reported/)
  })

  it('adds another passage\'s sentence of the kind asked that holds as much of the question and scores nearly as well, though it adds no concept', async () => {
    const a = sentencesOf(await ask('when did the three operators win the ferry contracts'))
    expect(a[0]).toMatch(/on 1 February 2015/)
    expect(a).toContainEqual(expect.stringMatching(/signed the ferry contracts on 21 February 2015/))
    // Not for a yes/no question: one sentence settles it.
    expect((await ask('did the board say when the three operators won the ferry contracts?')).answer).not.toMatch(/21 February/)
    // Nor a sentence stating the same fact as one chosen: that is its corroboration, a second citation.
    expect(sentencesOf(await ask('what were the three operators called?')).filter((x) => /Tidal Lines/.test(x))).toHaveLength(1)
    // Nor for a definition, which is one passage's to give.
    expect((await ask('what is the harbour board?')).answer).not.toMatch(/crews and boats stayed/)
  })

  it('names a company for "which companies", from the sentence that names them', async () => {
    const a = await ask('which companies won the ferry contracts?')
    expect(sentencesOf(a)[0]).toMatch(/Bluewater, Tidal Lines and Harbour Link/)
  })

  it('dates what happened to someone named only from a sentence saying it happened to them: another\'s appointment beside their name is not theirs', async () => {
    // The sentence dating Polglaze's appointment names Bluewater as the chair before her; the second question is answered either way.
    expect((await ask('when did Jo Bluewater become chair of the harbour board?')).answered).toBe(false)
    expect(sentencesOf(await ask('when was Kerensa Polglaze appointed chair of the harbour board?'))[0]).toMatch(/appointed chair of the Harbour Board in March 2018/)
    // A thing's change is put in many words ("become law"): no event is required of it.
    expect(understand('when did the night timetable become permanent?', [], kb.language).eventAsked).toBeUndefined()
  })

  it('answers a listed question from its passage only with a sentence of the kind asked that holds some of the question; else from the sentence that does', async () => {
    // The passage listing the question dates a meeting; another source dates the appointment itself.
    expect(sentencesOf(await ask('when did morwenna jory become treasurer?'))[0]).toMatch(/^Morwenna Jory became treasurer of the Harbour Board in January 2019/)
  })

  it('dates an event told in other words than the question\'s ("was named" for "became") from a sentence telling it after the name it befell, not before it nor after another person', async () => {
    const small = await smallKb({
      'gazette-lee.md': gazette('gazette-lee', 'A new harbour master', '2019-05', 'Jo Lee was named harbour master of Hapend in May 2016, the Harbour Gazette reported. The Gazette said the post had been empty for a year and that the board had interviewed four people for it.', 'Who is the harbour master?'),
      'gazette-tregear.md': gazette('gazette-tregear', 'Porthlow posts filled', '2019-05', 'The Gazette reported in May 2019 that Jo Tregear had been made pier master of Porthlow and Ann Penrose had been appointed harbour master there. The Gazette said both posts had been empty since the winter.', 'Who runs Porthlow harbour?'),
      'gazette-moss.md': gazette('gazette-moss', 'Another harbour master', '2019-05', 'Kit Moss was appointed harbour master of Hapend in April 2019, succeeding Jo Lee, the Harbour Gazette reported. The Gazette said Kit Moss had worked on the ferries for twenty years before the appointment.', 'Who took over the harbour?'),
    })
    expect((await answer(small, 'when did jo lee become harbour master?')).answer).toMatch(/^Jo Lee was named harbour master of Hapend in May 2016/)
    expect((await answer(small, 'when did kit moss become harbour master?')).answer).toMatch(/^Kit Moss was appointed harbour master of Hapend in April 2019/)
    // Kit Moss's appointment, beside Jo Lee's name, tells nothing of Jo Lee leaving.
    expect((await answer(small, 'when did jo lee step down as harbour master?')).answered).toBe(false)
    // Nor is one person's appointment another's, named before it in the same sentence.
    expect((await answer(small, 'when did jo tregear become harbour master?')).answered).toBe(false)
  })

  it('answers a definition listed word for word from the passage listing it, though none of its sentences reads as one and another passage\'s verdict scores higher', async () => {
    const small = await smallKb({
      'gazette-night.md': gazette('gazette-night', 'Night Timetable brought in', '2016-04', 'The Harbour Board brought in the Night Timetable in April 2016, adding two late sailings from Hapend on Fridays and Saturdays for workers on late shifts. The board said the late sailings would run all year.', 'What is the Night Timetable?'),
      'gazette-verdict.md': gazette('gazette-verdict', 'Verdict on the Night Timetable', '2018-05', "In a May 2018 review, the Harbour Board judged that if the Night Timetable were dropped tomorrow, few passengers would notice. The Night Timetable, the board's flagship plan, was meant to help late-shift workers get home.", 'Did the Night Timetable work?'),
    })
    for (const q of ['What is the Night Timetable?', 'what was the night timetable']) expect((await answer(small, q)).citations[0]?.passageId, q).toBe('gazette-night#1')
  })

  it('takes a role written after another\'s name in the possessive ("Harbour Link\'s chief executive") for no answer to whose it is asked', async () => {
    const small = await smallKb({
      'gazette-lines.md': gazette('gazette-lines', 'Night sailings to go on', '2018-05', "Harbour Link's chief executive, Jo Bluewater, said the night sailings from Hapend would go on through the winter. The Harbour Board had asked Harbour Link in October to stop the night sailings for the winter.", 'Will the night sailings go on?'),
    })
    expect((await answer(small, 'who was the chief executive of the harbour board')).answered).toBe(false)
    const lines = await answer(small, 'who was the chief executive of harbour link')
    expect(lines.answered).toBe(true)
    expect(lines.answer).toMatch(/Jo Bluewater/)
    // A possessor the question names elsewhere is whose it is: "the director of ferries at Harbour Link" is "Harbour Link's director of ferries".
    const director = await smallKb({
      'gazette-director.md': gazette('gazette-director', 'Night sailings to go on', '2018-05', "Harbour Link's director of ferries, Jo Bluewater, said the night sailings from Hapend would go on through the winter. The Harbour Board had asked Harbour Link in October to stop the night sailings for the winter.", 'Will the night sailings go on?'),
    })
    expect(understand('who was the director of ferries at harbour link', [], director.language).soughtOf).toEqual(['ferries'])
    expect((await answer(director, 'who was the director of ferries at harbour link')).answer).toMatch(/Jo Bluewater/)
  })

  it('of two listed questions in the same words, lets the one counting what the question counts win ("how many crews…", not "how many piers…")', async () => {
    const small = await smallKb({
      'gazette-piers.md': gazette('gazette-piers', 'Piers repaired', '2018-05', 'The crews repaired nine piers in 2018, the Gazette reported. The repaired piers had been closed to ferries and crews for most of the winter, and the crews who repaired them worked on the piers at night.', 'How many piers did the crews repair?'),
      'gazette-crews.md': gazette('gazette-crews', 'Crews at work', '2018-06', 'Forty crews worked on the harbour in 2018, the Gazette reported, and most of them were hired from the mainland for the summer season, when the ferry timetable was at its busiest.', 'How many crews repaired the piers?'),
    })
    expect((await answer(small, 'how many crews repaired the piers')).citations[0]?.passageId).toBe('gazette-crews#1')
    expect((await answer(small, 'how many piers did the crews repair')).citations[0]?.passageId).toBe('gazette-piers#1')
  })

  it('weighs a passage listing the question in the same words but for stop words and endings ("whats the night timetable") however many passages outrank it', async () => {
    const sources: Record<string, string> = {}
    for (let i = 1; i <= 20; i++) {
      const month = String((i % 12) + 1).padStart(2, '0')
      sources[`gazette-${i}.md`] = gazette(`gazette-${i}`, `Night Timetable report ${i}`, `2017-${month}`, `The Night Timetable ran late again in report ${i}. Crews on the Night Timetable said the Night Timetable needed more boats and more crew before the summer season began.`, `Did the Night Timetable run late in report ${i}?`)
    }
    sources['gazette-night.md'] = gazette('gazette-night', 'Late sailings for shift workers', '2016-04', 'The Harbour Board brought in the Night Timetable in April 2016, adding two late sailings from Hapend on Fridays and Saturdays for workers on late shifts, which the board said would run all year round from the old ferry terminal beside the fish market.', 'What is the Night Timetable?')
    const small = await smallKb(sources)
    for (const q of ['whats the night timetable', "What's the Night Timetable?"]) expect((await answer(small, q)).citations[0]?.passageId, q).toBe('gazette-night#1')
  })

  it('answers "who was <role> when <event>?" by joining the event\'s date to whoever was named in the role shortly before it, citing both', async () => {
    const a = await ask('who was treasurer when the fares rose by a tenth?')
    expect(sentencesOf(a)[0]).toMatch(/^Morwenna Jory became treasurer of the Harbour Board in January 2019/)
    expect(sentencesOf(a)[1]).toMatch(/fares rose by £2 a ticket in April 2019/)
    expect(a.citations.map((c) => c.sourceId)).toEqual(['blog-2019-ferry-changes', 'wfr-2019-ferry-fares'])
  })

  it('reads a name from the visitor\'s story that the sources never mention as theirs, not as a sign the question is about something unknown', async () => {
    const a = await ask('My cousin Siobhan sailed on the night ferries. Which firm ran them?')
    expect(a.answered).toBe(true)
    expect(sentencesOf(a)[0]).toMatch(/Bluewater/)
  })

  it('adds a sentence holding a concept the first lacks though it scores well under the first (under 0.6 of it, over 0.45)', async () => {
    // The first names the other bidder; the second says what Quayside Kitchens, also asked about, did.
    const a = await ask('who bid for the cafés besides quayside kitchens, was it PSM?')
    expect(sentencesOf(a)).toHaveLength(2)
    expect(sentencesOf(a)[1]).toMatch(/^Quayside Kitchens, which had run the pier kiosks for years, bought the harbour cafés/)
  })

  it('declines, with questions it can answer, when no sentence supplies what was asked', async () => {
    const a = await ask('when did the ferry timetable change?')
    expect(a.answered).toBe(false)
    expect(a.citations).toEqual([])
    expect(a.suggestions?.length).toBeGreaterThanOrEqual(1)
    expect(a.suggestions).toContain('What happened to the night timetable?')
  })

  it('quotes the sentence before a first sentence that cannot stand alone ("By comparison…", "The same notice…"), as one span', async () => {
    const small = await smallKb({
      'gazette-fares.md': gazette('gazette-fares', 'Night fares compared', '2019-04', 'The Harbour Board said the night crossings lost a fifth of their passengers in April 2019 after the timetable was cut. By comparison, day fares on the harbour crossings rose by 4%, the Harbour Board said.', 'How many passengers did the night crossings lose?'),
    })
    const a = await answer(small, 'how much did day fares rise?')
    expect(a.answer).toMatch(/^The Harbour Board said the night crossings lost a fifth of their passengers in April 2019 after the timetable was cut\. By comparison, day fares/)
    expect(a.citations).toHaveLength(1)
    expect(a.citations[0]?.quote).toMatch(/^The Harbour Board said the night crossings.*By comparison, day fares/)
  })

  it('answers "what happened to it?" after a question asking when, with something the last answer did not say, not the same kind of answer again', async () => {
    const first = 'when did the crews strike?'
    const said = await ask(first)
    expect(sentencesOf(said)[0]).toMatch(/^Ferry crews held a 12-hour strike on 12 April 2019/)
    const next = await answer(kb, 'what happened to it?', [{ question: first, answer: said.answer }])
    expect(next.answered).toBe(true)
    expect(sentencesOf(next)[0]).not.toBe(sentencesOf(said)[0])
    expect(understand('what happened to it?', [{ question: first, answer: said.answer }], kb.language).kind).toBe('other')
  })

  it('suggests a question two passages list in other letter case or punctuation once', async () => {
    const small = await smallKb({
      'gazette-night.md': gazette('gazette-night', 'The night timetable was cut', '2019-04', 'The Harbour Board cut the night timetable to two crossings an evening in April 2019, to save money on crews and fuel over the quiet winter months.', 'What happened to the night timetable?'),
      'gazette-crews.md': gazette('gazette-crews', 'Night crews were moved to day routes', '2019-04', 'The Harbour Board moved its night crews to the busier day routes when the night timetable was cut in April 2019, and no crew member lost a job.', 'what happened to the night timetable'),
    })
    const a = await answer(small, 'how many passengers complained about the night timetable?')
    expect(a.answered).toBe(false)
    expect(a.suggestions).toHaveLength(1)
  })

  it('answers about another year when the year only sets the scene, but not when the question asks about that year', async () => {
    // Bluewater was named for the night routes in 2015; the sources say nothing of 2017 itself.
    const scene = await ask('in 2017, who ran the night routes?')
    expect(scene.answered).toBe(true)
    expect(sentencesOf(scene)[0]).toMatch(/Bluewater would run the night routes/)
    expect((await ask('who won the ferry contracts in 2017?')).answered).toBe(false)
  })

  it('answers who ran something in a year from a sentence about an earlier year, as what began then went on, but not from a later one', async () => {
    expect(sentencesOf(await ask('who ran the night routes in 2017?'))[0]).toMatch(/Bluewater would run the night routes/)
    expect((await ask('who ran the night routes in 2013?')).answered).toBe(false)
  })

  it('asks less of the best passage for a yes/no question, whose claim may be in words the settling passage does not use', async () => {
    const polar = understand('did the crews praise the night timetable in winter?', [], kb.language)
    const open = understand('what did the crews praise about the night timetable in winter?', [], kb.language)
    // Read from the best passage alone: the next, scoring nearly as well, holds a little more.
    const best = async (query: typeof polar) => {
      const found = await retrieve(kb, query)
      return { ...found, hits: found.hits.slice(0, 1) }
    }
    expect(plan(await best(polar), polar, context).refused).toBeUndefined()
    expect(plan(await best(open), open, context).refused).toBe('too little of the question covered')
  })

  it('declines "which judge…" when no passage speaks of a judge, whoever else it names', async () => {
    expect((await ask('which judge appointed Kerensa Polglaze chair of the harbour board?')).answered).toBe(false)
  })

  it('answers "what rating did X get?" only with a sentence giving a rating to X', async () => {
    expect(sentencesOf(await ask('what rating did the harbour board give the Harbour Link company?'))[0]).toMatch(/rated the Harbour Link company poor/)
    // The board's passage names Bluewater, but rates only Harbour Link.
    expect((await ask('what rating did the harbour board give the Bluewater company?')).answered).toBe(false)
  })

  it('answers "how long after X did Y?" with the date of Y, to the month, when no span is given', async () => {
    expect((await ask('how long did it take to cut back the night routes?')).answered).toBe(false)
    expect(sentencesOf(await ask('how long after the contracts were awarded did the operators cut back the night routes?'))[0]).toMatch(/cut back the night routes in March 2016/)
    expect(sentencesOf(await ask('how many months after the contracts began were the night routes cut back?'))[0]).toMatch(/in March 2016/)
  })

  it('takes a span ("two years early") for no other figure than the one a question names', () => {
    const { lexicon } = kb.language
    expect(givesOtherFigure('The 120 crossings were to end two years early, in 2020.', ['120'], lexicon)).toBe(false)
    expect(givesOtherFigure('The 120 crossings were to run on 7-year contracts.', ['120'], lexicon)).toBe(false)
    expect(givesOtherFigure('Of the 120 crossings, 40 ran at night.', ['120'], lexicon)).toBe(true)
    expect(givesOtherFigure('The 120 crossings would be cut to eleven.', ['120'], lexicon)).toBe(true)
    // A sum's own "million" is no other figure.
    expect(givesOtherFigure('The contracts would cost an extra £55 million.', ['55m'], lexicon)).toBe(false)
    // Asked for a part of a sum, a share or another sum is a figure; a date's "second half" is not.
    expect(givesOtherFigure('Of the £55m, 12% went on repairs.', ['55m'], lexicon, true)).toBe(true)
    expect(givesOtherFigure('Half of the £55m went on repairs.', ['55m'], lexicon, true)).toBe(true)
    expect(givesOtherFigure('The £55m was paid in the second half of 2015 to three operators.', ['55m'], lexicon, true)).toBe(false)
  })

  it('takes a figure counting people or organisations for no part of a whole of another sort: "how many of the 200 depots…" is not answered by "8,000 staff and 200 depots"', () => {
    const { lexicon } = kb.language
    expect(givesOtherFigure('Nearly 8,000 staff and nearly 200 depots moved to the board.', ['200'], lexicon)).toBe(false)
    expect(givesOtherFigure('Of the 200 depots, 40 were on the islands.', ['200'], lexicon)).toBe(true)
    // A whole of people named in more words, or a whole with no word after it, is no other sort.
    expect(givesOtherFigure('Of the 8,000 island ferry crews, 5,500 officers moved to the board.', ['8,000'], lexicon)).toBe(true)
    expect(givesOtherFigure('Of the 200, 40 crews were on the islands.', ['200'], lexicon)).toBe(true)
    expect(givesOtherFigure('Of the 200 depots, 40 moved to the board.', ['200'], lexicon)).toBe(true)
    // A figure counting what the question counts is a part, whatever the whole is called.
    expect(givesOtherFigure('Nearly 8,000 staff and nearly 200 depots moved to the board.', ['200'], lexicon, false, new Set([toTerm('staff') as string]))).toBe(true)
    // Where the whole is written counting what is asked ("476 written responses"), a figure before another noun counts that noun, not a part.
    const responses = new Set([toTerm('responses') as string])
    expect(givesOtherFigure('The board received 476 written responses and held 39 engagement events.', ['476'], lexicon, false, responses)).toBe(false)
    expect(givesOtherFigure('The board received 476 written responses, 40 backing the plans.', ['476'], lexicon, false, responses)).toBe(true)
    expect(givesOtherFigure('Of the 476 written responses, 40 supported the plans.', ['476'], lexicon, false, responses)).toBe(true)
    expect(givesOtherFigure('Of the 476 written responses, 40 felt the plans were wrong.', ['476'], lexicon, false, responses)).toBe(true)
    expect(givesOtherFigure('The board had 476 written responses, of which 300 support the plans.', ['476'], lexicon, false, responses)).toBe(true)
  })

  it('takes a sum or a share for no count of things, save a share of the whole named, and "the fourth time" for a count of times: "how many of the 120…" is not answered by "12% of the fares"', () => {
    const { lexicon } = kb.language
    expect(givesOtherFigure('The 120 crossings took 12% of the fares.', ['120'], lexicon)).toBe(false)
    expect(givesOtherFigure('The 120 crossings cost £55m to run.', ['120'], lexicon)).toBe(false)
    expect(givesOtherFigure('Of the 120 crossings, 40 ran late.', ['120'], lexicon)).toBe(true)
    // A share of the very whole named says how many of it.
    expect(givesOtherFigure('The board said 40 per cent of the 120 crossings ran late.', ['120'], lexicon)).toBe(true)
    // "The fourth time" counts times, and only times.
    const times = new Set([toTerm('times') as string])
    expect(givesOtherFigure('The strike on 5 May was only the fourth time the crews had walked out.', ['5'], lexicon, false, times)).toBe(true)
    expect(givesOtherFigure('The strike on 5 May was only the fourth time the crews had walked out.', ['5'], lexicon)).toBe(false)
  })

  it('answers "when was the post on X published?" and "who wrote the post on X?" with its source\'s publisher and date, then the sentence that found it', async () => {
    const when = await ask('when was the harbour blog post about the night timetable published?')
    expect(when.answer).toMatch(/^Published by Harbour Blog, May 2019: The Harbour Blog said the operators' changes to the night timetable/)
    expect(when.citations.map((c) => c.sourceId)).toEqual(['blog-2019-ferry-changes'])
    expectFindableQuotes(when)
    expect((await ask("who wrote the blog post on the crews' strike?")).answer).toMatch(/^Published by Harbour Blog, May 2019: Ferry crews held a 12-hour strike/)
    expect((await ask('when did the ferry crews strike?')).answer).not.toMatch(/^Published by/)
    expect((await ask('when was the fares post about bluewater published?')).answered).toBe(false)
    // A text named by its publisher is theirs, or none: the Review wrote nothing on the treasurer.
    expect((await ask('when was the harbour blog post on the treasurer published?')).answer).toMatch(/^Published by Harbour Blog, May 2019: Morwenna Jory became treasurer/)
    expect((await ask('when was the world ferry review piece on the treasurer published?')).answered).toBe(false)
  })

  it('answers "who wrote the piece on X?" with the writers its source names, and with its publisher where it names none', async () => {
    expect((await ask('who wrote the article on the fares rise?')).answer).toMatch(/^Written by Tamsin Prowse and Ifan Rhys for World Ferry Review, 2 May 2019: Island ferry fares rose by £2/)
    expect((await ask('which journalist wrote the piece about island fares going up?')).answer).toMatch(/^Written by Tamsin Prowse and Ifan Rhys for World Ferry Review/)
    // Asked when, not who: the publisher and date, as before.
    expect((await ask('when was the article on the fares rise published?')).answer).toMatch(/^Published by World Ferry Review, 2 May 2019: Island ferry fares rose/)
    expect((await ask("who wrote the blog post on the crews' strike?")).answer).toMatch(/^Published by Harbour Blog, May 2019: Ferry crews held/)
  })

  it('takes a word the index holds only one slip away ("landng") for a slip, not for the name of a part, even when no passage read holds the word meant', async () => {
    const query = understand('how much were the landng contracts worth?', [], asTyped)
    const retrieval = await retrieve(kb, query)
    expect(retrieval.slips).toEqual(['landng'])
    const landing = toTerm('landing') as string
    const unread = { ...retrieval, hits: retrieval.hits.filter((h) => h.termsFor(toTerm('landng') as string).length === 0 && h.termsFor(landing).length === 0) }
    expect(unread.hits.length).toBeGreaterThan(0)
    expect(plan(unread, query, context).chosen[0]?.sentence).toMatch(/worth £40m in total/)
    // A name the index lacks altogether is a part the sources do not give.
    expect((await retrieve(kb, understand('how much were the zanzibar contracts worth?', [], kb.language))).slips).toEqual([])
  })

  it('answers "how much of the £55m…" with the part the sources give, not the £55m named', async () => {
    expect(sentencesOf(await ask('how much of the £55m was for quay repairs?'))[0]).toMatch(/£12m of the £55m was for repairs to the quays/)
  })

  it('declines "how much of the £55m went to Bluewater?" when the sums given are for others', async () => {
    expect((await ask('how much of the £55m went to Bluewater?')).answered).toBe(false)
    expect(sentencesOf(await ask('how much of the £55m went to the operators?'))[0]).toMatch(/share £30m of the £55m/)
    expect((await ask("how much of the £55m was going to Bluewater's operators?")).answered).toBe(false)
  })

  it('declines "how much of the £40m…" when the only other figure counts something ("three operators")', async () => {
    expect((await ask('how much of the £40m went to Tidal Lines?')).answered).toBe(false)
  })

  it('declines "how many of the 120…" when the sources give only the 120 the question names', async () => {
    expect((await ask('how many of the 120 cancelled crossings were night crossings?')).answered).toBe(false)
    expect(sentencesOf(await ask('how many crossings were cancelled?'))[0]).toMatch(/120 crossings were cancelled/)
  })

  /** The ferries fixture with one more source, the Gazette's report of the sale of Tidal Lines, saying `lines`. */
  async function withSaleReport(lines: string[]) {
    const input = await readKbDir('tests/fixtures/kb-ferries', { lexicon: 'knowledge/lexicon.json' })
    const front = ['---', 'id: gazette-2020-tidal-lines-sold', 'title: "Tidal Lines sold"', 'publisher: "The Gazette"', 'kind: news', 'published: "2020-03-02"', 'url: "https://gazette.example/tidal-lines-sold"', 'summary: "The Gazette on the sale of Tidal Lines."', '---']
    const text = [...front, '', '## Tidal Lines sold', '', 'Date: 2020-02', '', ...lines, '', 'Questions:', '- When was Tidal Lines sold?', ''].join('\n')
    const built = compileKb({ ...input, files: [...input.files, { path: 'tests/fixtures/kb-ferries/sources/gazette-2020-tidal-lines-sold.md', text }] })
    if (!built.ok) throw new Error(built.problems.join('\n'))
    return createKb(built.artifact, 'bundled')
  }

  it('names a writer who is also the publisher once, as the publisher ("Published by Jo Penrose", not "Written by Jo Penrose for Jo Penrose")', async () => {
    const input = await readKbDir('tests/fixtures/kb-ferries', { lexicon: 'knowledge/lexicon.json' })
    const front = ['---', 'id: penrose-2019-ferry-diary', 'title: "A ferry diary"', 'publisher: "Jo Penrose (blog)"', 'author: "Jo Penrose"', 'kind: blog', 'published: "2019-06"', 'url: "https://penrose.example/diary"', 'summary: "A passenger\'s diary of the night ferries."', '---']
    const text = [...front, '', '## Night ferry lateness', '', 'Date: 2019-06', '', 'Jo Penrose wrote that the night ferry from Hapend Pier left an hour late on most evenings in June 2019, and that passengers waited on the pier in the rain.', '', 'Questions:', '- Were the night ferries late in 2019?', ''].join('\n')
    const built = compileKb({ ...input, files: [...input.files, { path: 'tests/fixtures/kb-ferries/sources/penrose-2019-ferry-diary.md', text }] })
    if (!built.ok) throw new Error(built.problems.join('\n'))
    const a = await answer(createKb(built.artifact, 'bundled'), 'who wrote the blog post about the night ferry leaving an hour late?')
    expect(a.answer).toMatch(/^Published by Jo Penrose, June 2019: Jo Penrose wrote that the night ferry/)
  })

  it('answers "who was the chair of X?" only with a sentence naming the chair with X, not another chair beside X', async () => {
    const far = 'The chair of the Harbour Board, Tamsin Trevail, said in February 2020 that the sale of Tidal Lines to another company would not change the night routes or their fares.'
    const chairOf = async (lines: string[], question = 'who was the chair of tidal lines?') => answer(await withSaleReport(lines), question)
    expect((await chairOf([far])).answered).toBe(false)
    const named = await chairOf([far, 'Morwenna Pascoe, the chair of Tidal Lines, said the company had been sold to a Breton operator.'])
    expect(named.answer).toMatch(/^Morwenna Pascoe, the chair of Tidal Lines/)
    // A few words between them still name them together, and a slip in the thing asked for is no reason to decline.
    expect((await chairOf([far, 'Morwenna Pascoe, the chair of the board of Tidal Lines, said the company had been sold to a Breton operator.'])).answer).toMatch(/^Morwenna Pascoe/)
    expect((await chairOf([far, 'Morwenna Pascoe, the chair of Tidal Lines, said the company had been sold to a Breton operator.'], 'who was the chiar of tidal lines?')).answered).toBe(true)
    // A chair said to be another's ("the chair of the Harbour Board") is no chair of Tidal Lines, whether or not Tidal Lines is beside it.
    expect((await chairOf(['Tamsin Trevail, the chair of the Harbour Board, said in February 2020 that the night routes of Tidal Lines would keep their fares and timetables after the sale.'])).answered).toBe(false)
    expect((await chairOf(['Tamsin Trevail, the chair of the Harbour Board, said in February 2020 that the night routes would keep their fares and timetables after the sale of the company.'])).answered).toBe(false)
  })

  it('answers "who took over as chair after X?" with the one who followed X, and declines "who is chair now that X has left?" when the sources name no one after X', async () => {
    expect(sentencesOf(await ask('who took over as chair of the harbour board after Jo Bluewater?'))[0]).toMatch(/^Kerensa Polglaze, .* succeeding Jo Bluewater/)
    expect((await ask('who is chair of the harbour board now that Tamsin Trevail has left?')).answered).toBe(false)
  })

  it('answers "who came before X?" with the sentence naming who, not another sentence under a heading that says it', async () => {
    const input = await readKbDir('tests/fixtures/kb-ferries', { lexicon: 'knowledge/lexicon.json' })
    const front = ['---', 'id: gazette-2022-new-chair', 'title: "A new chair"', 'publisher: "The Gazette"', 'kind: news', 'published: "2022-04-02"', 'url: "https://gazette.example/new-chair"', 'summary: "The Gazette on the next chair of the Harbour Board."', '---']
    const lines = [
      'The Harbour Board announced in April 2022 that Morwenna Pascoe was its choice for the next chair, subject to a hearing before the island council.',
      'The board said the chair at the time, Tamsin Trevail, had agreed to stay until 31 May, after which Morwenna Pascoe would take over.',
    ]
    const text = [...front, '', '## Morwenna Pascoe named to succeed Tamsin Trevail', '', 'Date: 2022-04', '', ...lines, '', 'Questions:', '- Who is the next chair?', ''].join('\n')
    const built = compileKb({ ...input, files: [...input.files, { path: 'tests/fixtures/kb-ferries/sources/gazette-2022-new-chair.md', text }] })
    if (!built.ok) throw new Error(built.problems.join('\n'))
    const a = await answer(createKb(built.artifact, 'bundled'), 'who came before Morwenna Pascoe?')
    expect(sentencesOf(a)[0]).toMatch(/Tamsin Trevail, had agreed to stay/)
  })

  it('declines "who was the chair of Harbour Link?" where the only chair is in a passage that never names Harbour Link, though it says "harbour"', async () => {
    expect((await ask('who was the chair of harbour link?')).answered).toBe(false)
    expect(sentencesOf(await ask('who was the chair of the harbour board?'))[0]).toMatch(/^Kerensa Polglaze/)
  })

  it('joins to an event only someone named in the role as one phrase ("the chair of Tidal Lines"), not a chair named beside Tidal Lines', async () => {
    const sold = 'Tidal Lines was sold to a Breton operator in February 2020, the Gazette reported on its front page.'
    const holder = async (chair: string, question = 'who was the chair of tidal lines when tidal lines was sold?') => answer(await withSaleReport([sold, chair]), question)
    expect((await holder('Tamsin Trevail, the chair of the Harbour Board, said in January 2020 that the sale of Tidal Lines would not change the night routes.')).answered).toBe(false)
    const joined = await holder('Morwenna Pascoe, the chair of Tidal Lines, said in January 2020 that the sale would not change the night routes.')
    expect(joined.answer).toMatch(/^Morwenna Pascoe, the chair of Tidal Lines/)
    // A role of several words is one phrase too.
    const deputy = await holder('Morwenna Pascoe, the deputy chair of the Tidal Lines board, said in January 2020 that the sale would not change the night routes.', 'who was the deputy chair of the tidal lines board when tidal lines was sold?')
    expect(deputy.answer).toMatch(/^Morwenna Pascoe/)
    // A role is named as a role: "administration" is no word for the administrators.
    const administered = await holder('Morwenna Pascoe Holdings went into administration in January 2020, the Gazette said.', 'who were the administrators when tidal lines was sold?')
    expect(administered.answered).toBe(false)
  })

  it('joins an event to someone appointed to the role long before it only when the sources name another appointed after it: the first held it until then', async () => {
    const input = await readKbDir('tests/fixtures/kb-ferries', { lexicon: 'knowledge/lexicon.json' })
    const section = (heading: string, date: string, text: string) => `## ${heading}\n\nDate: ${date}\n\n${text}\n\nQuestions:\n- ${heading}?\n`
    const withChairs = (sections: string[]) => {
      const front = ['---', 'id: gazette-2022-tidal-lines-chairs', 'title: "Tidal Lines chairs"', 'publisher: "The Gazette"', 'kind: news', 'published: "2022-03-02"', 'url: "https://gazette.example/tidal-lines-chairs"', 'summary: "The Gazette on the chairs of Tidal Lines."', '---', ''].join('\n')
      const built = compileKb({ ...input, files: [...input.files, { path: 'tests/fixtures/kb-ferries/sources/gazette-2022-tidal-lines-chairs.md', text: front + sections.join('\n') }] })
      if (!built.ok) throw new Error(built.problems.join('\n'))
      return createKb(built.artifact, 'bundled')
    }
    const appointed = section('Morwenna Pascoe made chair of Tidal Lines', '2017-03', 'Morwenna Pascoe was appointed chair of Tidal Lines in March 2017, the Gazette reported, after ten years on the board of the island operator and its night routes.')
    const sold = section('Tidal Lines sold to a Breton operator', '2020-02', 'Tidal Lines was sold to a Breton operator in February 2020, the Gazette reported on its front page, ending a whole century of island ownership of the line.')
    const next = section('Jory Penrose made chair of Tidal Lines', '2021-06', 'Jory Penrose was appointed chair of Tidal Lines in June 2021, the Gazette reported, replacing Morwenna Pascoe a year and more after the sale of the island operator.')
    const question = 'who was the chair of tidal lines when tidal lines was sold to the breton operator?'
    const holder = async (kb: Kb) => {
      const { role, event } = understand(question, [], kb.language).holderAt ?? { role: '', event: '' }
      const asEvent = { ...understand(event, [], kb.language), kind: 'time' as const }
      const asRole = { ...understand(role, [], kb.language), kind: 'person' as const }
      const ctx = composeContext(kb)
      return composeHolder({ retrieval: await retrieve(kb, asRole), query: asRole }, plan(await retrieve(kb, asEvent), asEvent, ctx), ctx)?.answer
    }
    expect(await holder(withChairs([appointed, sold, next]))).toMatch(/^Morwenna Pascoe was appointed chair of Tidal Lines in March 2017.*Tidal Lines was sold to a Breton operator/)
    // With no later appointment of someone else, someone appointed three years before may have left by then: no join.
    expect(await holder(withChairs([appointed, sold]))).toBeUndefined()
    const saidLater = section('Jory Penrose on the night routes', '2021-06', 'Jory Penrose, the chair of Tidal Lines, said in June 2021 that the Breton operator took over the night routes after the sale of the island operator.')
    expect(await holder(withChairs([appointed, sold, saidLater]))).toBeUndefined()
    const sameLater = section('Morwenna Pascoe looks back', '2021-06', 'Morwenna Pascoe, who was appointed chair of Tidal Lines in March 2017 and left the board in 2018, said in June 2021 that the sale had been right for the island.')
    expect(await holder(withChairs([appointed, sold, sameLater]))).toBeUndefined()
  })

  it('takes a span of a year ("2020-21") as one period: a sentence about another span sharing a year does not answer it', async () => {
    const kb = await withSaleReport(['Tidal Lines carried 400,000 passengers in 2019-20, the Gazette reported, and the company said it expected the night routes to carry more passengers again once the new boats arrived.'])
    expect((await answer(kb, 'how many passengers did tidal lines carry in 2019-20?')).answer).toMatch(/^Tidal Lines carried 400,000 passengers in 2019-20/)
    expect((await answer(kb, 'how many passengers did tidal lines carry in 2020-21?')).answered).toBe(false)
    expect((await answer(kb, 'how many passengers did tidal lines carry in 2019/20?')).answered).toBe(true)
    // However the span is written.
    expect((await answer(kb, 'how many passengers did tidal lines carry in 2019/2020?')).answered).toBe(true)
    expect((await answer(kb, 'how many passengers did tidal lines carry in 2020-2021?')).answered).toBe(false)
  })

  it('declines a question when two of its five concepts are words the sources never use ("beginners", "marathon")', async () => {
    const query = understand('which beginners ran the night ferry marathon', [], kb.language)
    const p = plan(await retrieve(kb, query), query, context)
    expect(p.refused).toBe('too many unknown words')
  })

  it('declines a question whose few concepts never meet in one passage', async () => {
    const a = await ask('how many boats did the gazette own?')
    expect(a.answered).toBe(false)
  })
})

describe('retrieve', () => {
  it('looks up a word the vocabulary gives for a place as written, not as a start of longer words, whatever the place typed', async () => {
    const input = await readKbDir('tests/fixtures/kb-ferries', { lexicon: 'knowledge/lexicon.json' })
    const vocabulary = { ...input.vocabulary, text: JSON.stringify({ groups: [], oneWay: [{ from: ['Porthleven'], to: ['council'] }] }) }
    const built = compileKb({ ...input, vocabulary })
    if (!built.ok) throw new Error(built.problems.join('\n'))
    const placed = createKb(built.artifact, 'bundled')
    const found = await retrieve(placed, understand('what did Porthleven decide?', [], placed.language))
    const council = found.hits.find((h) => h.termsFor('council').length > 0)
    expect(council?.termsFor('council')).toEqual(['council'])
    expect(found.hits.some((h) => h.termsFor('council').includes('councillor'))).toBe(false)
  })
})

describe('warmUp', () => {
  const questions = ['how many crossings were cancelled?', 'who was chair before Kerensa Polglaze?', 'how many boats did the gazette own?']
  const asks = (q: string) => {
    const record = kb.artifact.passages.find((p) => p.questions.includes(q))
    return record?.listed[record.questions.indexOf(q)]?.asks
  }

  it('warms with every kind of answer the listed questions ask for before a second of any kind', () => {
    const kinds = new Set(kb.questions.map((l) => asks(l.question)))
    expect(kinds.size).toBeGreaterThan(3)
    const picked = warmUpQuestions(kb, kinds.size)
    expect(new Set(picked.map(asks))).toEqual(kinds)
    const more = warmUpQuestions(kb, kinds.size + 5)
    expect(new Set(more).size).toBe(kinds.size + 5)
    expect(more.every((q) => kb.questions.some((l) => l.question === q))).toBe(true)
    expect(warmUpQuestions(kb, 10_000)).toHaveLength(kb.questions.length)
    // A question listed in two passages is asked once.
    const twice = { ...kb, questions: [...kb.questions, ...kb.questions] }
    expect(warmUpQuestions(twice, 10_000)).toHaveLength(kb.questions.length)
  })

  it('answers the knowledge base’s own listed questions and changes no answer a visitor then gets', async () => {
    const cold = createKb(compiled.artifact, 'bundled')
    const warmed = createKb(compiled.artifact, 'bundled')
    await warmUp(warmed, 100)
    for (const q of [...questions, ...kb.questions.map((l) => l.question)]) {
      expect(await answer(warmed, q), q).toEqual(await answer(cold, q))
    }
  })
})
