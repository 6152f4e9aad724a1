import { describe, expect, it } from 'vitest'
import { isSlipOfStopWord } from '../../engine/stop-words'
import { normalize, sentences, termOfUnseen, terms, toTerm } from '../../engine/text'

describe('text processing', () => {
  it('normalises Unicode, quotes, dashes and control characters', () => {
    expect(normalize('ﬁnes\u0000 \u2018revoke\u2019 \u2013 “x”  ')).toBe(`fines 'revoke' - "x"`)
  })

  it('drops stop words and stems so that forms of a word meet', () => {
    expect(terms('Who supervised the offenders?')).toEqual(terms('supervision of offender'))
    expect(terms('traditionally')).toEqual(terms('tradition'))
    expect(terms('privatized')).toEqual(terms('privatised'))
  })

  it('joins "staffing" and "staffed" to "staff", though the stemmer undoubles a consonant left by -ing or -ed ("hopping" is "hop")', () => {
    expect(toTerm('staffing')).toBe(toTerm('staff'))
    expect(toTerm('staffed')).toBe(toTerm('staff'))
    expect(toTerm('hopping')).toBe(toTerm('hop'))
  })

  it('takes a letter on its own for no word, but keeps a single figure', () => {
    expect(terms('prisons n probation, part b, tier 2')).toEqual(['prison', 'probat', 'part', 'tier', '2'])
  })

  it('keeps figures whole and folds thousands separators', () => {
    expect(terms('28,750 offenders and £3.7bn')).toEqual(['28750', 'offend', '3.7bn'])
  })

  it('writes a sum out in words as it is written short too, so "£10.4 billion" and "£10.4bn" meet, keeping its unit word; "half a billion" stays as it is', () => {
    expect(terms('£10.4 billion and £924 million')).toEqual(['10.4bn', 'billion', '924m', 'million'])
    expect(terms('£10.4bn')).toEqual(['10.4bn'])
    expect(terms('1.5million people')).toEqual(['1.5m', 'million', 'peopl'])
    expect(terms('half a billion')).toEqual(['half', 'billion'])
    // A range with its unit written once, after its end, has the unit at its start too.
    expect(terms('from 5 to 20 billion')).toEqual(terms('from £5bn to £20bn').concat('billion'))
    expect(terms('£5-20 million')).toEqual(['5m', '20m', 'million'])
    expect(terms('1 or 2 people')).toEqual(['1', '2', 'peopl'])
    // Thousands written short are the figure written in full.
    expect(terms('40k offenders and 2.5k staff')).toEqual(terms('40,000 offenders and 2,500 staff'))
  })

  it('reads number words as figures, but not "one", which is as often a pronoun', () => {
    expect(terms('four years')).toEqual(terms('4 years'))
    expect(terms('eighteen months')).toEqual(['18', 'month'])
    expect(terms('the one in London')).not.toContain('1')
  })

  it('recognises a stop word typed with one letter added, lost, changed or swapped, or two in a longer word', () => {
    for (const slip of ['wernt', 'whcih', 'becuase', 'abuot', 'thier', 'whihc']) expect(isSlipOfStopWord(slip), slip).toBe(true)
    for (const word of ['probation', 'crc', 'wages', 'napo']) expect(isSlipOfStopWord(word), word).toBe(false)
    // Two slips in a longer word ("hapend" for "happened"), but not in a short one.
    expect(isSlipOfStopWord('hapend')).toBe(true)
    expect(isSlipOfStopWord('wages')).toBe(false)
    // A word two slips from a stop word that is an English word itself is that word ("weather" is not "whether").
    const english = (w: string) => ['weather', 'reality'].includes(w)
    expect(isSlipOfStopWord('weather', english)).toBe(false)
    expect(isSlipOfStopWord('reality', english)).toBe(false)
    expect(isSlipOfStopWord('hapend', english)).toBe(true)
  })

  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(sentences('Mr. Lawrence spoke. J. Smith agreed. It cost £3.7bn in 2014. Then it ended.')).toEqual([
      'Mr. Lawrence spoke.',
      'J. Smith agreed.',
      'It cost £3.7bn in 2014.',
      'Then it ended.',
    ])
  })

  it('gives a word tried once the same term as any word, accented, upper case, a stop word or a number word', () => {
    for (const w of ['probation', 'Probation', 'café', 'organized', 'the', 'twelve', "company's", 'ran', 'probatoin']) expect(termOfUnseen(w), w).toBe(toTerm(w))
  })
})
