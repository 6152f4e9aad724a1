/** Personal data in what visitors type becomes placeholders before anything is stored (worker/scrub.ts). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scrub } from '../../worker/scrub'

describe('scrub', () => {
  it('replaces e-mail addresses', () => {
    expect(scrub('email me at jo.bloggs+probation@example.co.uk please')).toBe('email me at [email] please')
    expect(scrub('Write to A_Person99@mail.example.org.')).toBe('Write to [email].')
  })

  it('replaces UK phone numbers however they are written', () => {
    for (const phone of [
      '07700 900123',
      '07700900123',
      '07700-900-123',
      '+44 7700 900123',
      '+447700900123',
      '+44 (0)20 7946 0958',
      '020 7946 0958',
      '(020) 7946 0958',
      '0161 496 0000',
      '01632 960001',
    ]) {
      expect(scrub(`call ${phone} today`), phone).toBe('call [phone] today')
    }
  })

  it('replaces UK postcodes, spaced or not, in any case', () => {
    for (const postcode of ['SW1A 1AA', 'sw1a 1aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN551PT', 'EC1A 1BB']) {
      expect(scrub(`I live at ${postcode} now`), postcode).toBe('I live at [postcode] now')
    }
  })

  it('replaces case and reference numbers and keeps the word that introduced them', () => {
    expect(scrub('what about case no. 12345?')).toBe('what about case no. [reference]?')
    expect(scrub('Case number: AB12345 was closed')).toBe('Case number: [reference] was closed')
    expect(scrub('my ref ABC/123/456 is late')).toBe('my ref [reference] is late')
    expect(scrub('reference #XY-2019-0042')).toBe('reference #[reference]')
    expect(scrub('my CRN is X123456')).toBe('my CRN is [reference]')
    expect(scrub('prisoner number A1234BC')).toBe('prisoner number [reference]')
    expect(scrub('codes like ABC/123/456 and AB-12-345')).toBe('codes like [reference] and [reference]')
    expect(scrub('NI number AB 12 34 56 C')).toBe('NI number [reference]')
  })

  it('replaces long runs of digits', () => {
    expect(scrub('account 12345678 and 9876543210')).toBe('account [reference] and [number]')
    expect(scrub('file 123456')).toBe('file [number]')
  })

  it('leaves the questions people ask about probation as they are', () => {
    for (const question of [
      'How much were the CRC contracts worth?',
      'What happened in 2014 and 2016?',
      'Were 28,750 people supervised in 2015-16?',
      'Did the £3.7bn contracts run for 7 years?',
      'What did the Offender Rehabilitation Act 2014 change?',
      'What did the case studies in the 2019 report find?',
      'How many CRCs were rated poor in the covid-19-related inspections?',
      'What happened on 22/06/2018?',
      'Who ran the CRC in Durham and Tees Valley?',
      'What is a Community Rehabilitation Company (CRC)?',
      'Call 999 in an emergency',
      'What did the M1 motorway have to do with it?',
    ]) {
      expect(scrub(question)).toBe(question)
    }
  })

  it('replaces every piece of personal data in one question', () => {
    expect(scrub('I am on case 55555/22, ring 07700 900123 or mail me@x.com, postcode LS1 4AP')).toBe(
      'I am on case [reference], ring [phone] or mail [email], postcode [postcode]',
    )
  })

  it('replaces what one replacement exposes to another', () => {
    expect(scrub('ids 123456789SW1A 1AA')).toBe('ids [number][postcode]')
  })

  it('is idempotent and takes any text, however hostile (fixed seed)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('07700 900123', ' +44 ', '(0', 'case no. ', 'ref ', '@', 'a@b.co', 'SW1A 1AA', '123456789', '/', '-', ' ', '0 ', '1'),
    )
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('').slice(0, 500))
    fc.assert(
      fc.property(text, (t) => {
        const once = scrub(t)
        expect(scrub(once)).toBe(once)
      }),
      { seed: 20141, numRuns: 2000 },
    )
  })
})
