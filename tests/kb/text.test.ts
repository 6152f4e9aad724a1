import { describe, expect, it } from 'vitest'
import { normalize, sentences, terms } from '../../worker/kb/text'

describe('text processing', () => {
  it('normalises Unicode, quotes, dashes and control characters', () => {
    expect(normalize('ﬁnes\u0000 \u2018revoke\u2019 \u2013 “x”  ')).toBe(`fines 'revoke' - "x"`)
  })

  it('drops stop words and stems so that forms of a word meet', () => {
    expect(terms('Who supervised the offenders?')).toEqual(terms('supervision of offender'))
    expect(terms('traditionally')).toEqual(terms('tradition'))
    expect(terms('privatized')).toEqual(terms('privatised'))
  })

  it('keeps figures whole and folds thousands separators', () => {
    expect(terms('28,750 offenders and £3.7bn')).toEqual(['28750', 'offend', '3.7bn'])
  })

  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(sentences('Mr. Lawrence spoke. J. Smith agreed. It cost £3.7bn in 2014. Then it ended.')).toEqual([
      'Mr. Lawrence spoke.',
      'J. Smith agreed.',
      'It cost £3.7bn in 2014.',
      'Then it ended.',
    ])
  })
})
