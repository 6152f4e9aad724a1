/** A lexicon pattern: one compiled expression behind every kind of use. */
import { describe, expect, it } from 'vitest'
import { Pattern } from '../../engine/lexicon'

describe('Pattern', () => {
  it('matches lower-cased text but gives groups and leaves the rest as written', () => {
    const p = new Pattern('who (runs|ran) (\\w+)')
    expect(p.test('Who Runs London?')).toBe(true)
    expect(p.exec('So, WHO ran Kent?')).toEqual(['WHO ran Kent', 'ran', 'Kent'])
    expect(p.replaceAll('Who runs Kent and who ran Essex?', '_')).toBe('_ and _?')
  })

  it('gives the same answers however often and in whatever order its uses come, compiled ahead or not', () => {
    const uses = (p: Pattern) => [p.test('The Old Order'), p.exec('an old order, a new order'), p.replaceAll('New order, old order', '-'), p.test('no match'), p.exec('ORDER')]
    const source = '(old|new) order'
    const lazy = new Pattern(source)
    const ahead = new Pattern(source).compile()
    expect(uses(ahead)).toEqual(uses(lazy))
    expect(uses(ahead)).toEqual(uses(ahead))
    expect(uses(lazy)).toEqual([true, ['old order', 'old'], '-, -', false, null])
  })

  it('steps past an empty match rather than looping, whole characters at a time under \\p{…}', () => {
    expect(new Pattern('x*').replaceAll('ab', '.')).toBe('.a.b.')
    expect(new Pattern('\\p{N}*').replaceAll('a😀b', '.')).toBe('.a.😀.b.')
  })
})
