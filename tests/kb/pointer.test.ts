import { describe, expect, it } from 'vitest'
import { HISTORY, parsePointer, publishedPointer, rolledBackPointer, type Pointer } from '../../worker/kb/pointer'

const at = new Date('2026-11-26T09:00:00Z')

describe('the current pointer', () => {
  it('remembers earlier versions, most recent first, when publishing', () => {
    const first = publishedPointer(undefined, 'v1', at)
    expect(first).toEqual({ version: 'v1', publishedAt: '2026-11-26T09:00:00.000Z', previous: [] })
    const third = publishedPointer(publishedPointer(first, 'v2', at), 'v3', at)
    expect(third.previous).toEqual(['v2', 'v1'])
  })

  it('does not list the published version among its own predecessors, and keeps a bounded history', () => {
    const back = publishedPointer({ version: 'v2', publishedAt: '', previous: ['v1'] }, 'v1', at)
    expect(back).toMatchObject({ version: 'v1', previous: ['v2'] })
    let p: Pointer | undefined
    for (let i = 0; i < HISTORY + 10; i++) p = publishedPointer(p, `v${i}`, at)
    expect(p?.previous).toHaveLength(HISTORY)
    expect(p?.previous[0]).toBe(`v${HISTORY + 8}`)
  })

  it('rolls back one version at a time and refuses when there is nothing earlier', () => {
    const p = rolledBackPointer({ version: 'v3', publishedAt: '', previous: ['v2', 'v1'] }, at)
    expect(p).toMatchObject({ version: 'v2', previous: ['v1'] })
    expect(rolledBackPointer(p, at)).toMatchObject({ version: 'v1', previous: [] })
    expect(() => rolledBackPointer({ version: 'v1', publishedAt: '', previous: [] }, at)).toThrow(/nothing to roll back/)
    expect(() => rolledBackPointer(undefined, at)).toThrow(/nothing to roll back/)
  })

  it('reads only well-formed pointers', () => {
    expect(parsePointer('{"version":"abc123","publishedAt":"x","previous":["a","../etc",1]}')).toEqual({
      version: 'abc123',
      publishedAt: 'x',
      previous: ['a'],
    })
    expect(() => parsePointer('nope')).toThrow(/not valid JSON/)
    expect(() => parsePointer('{"version":"../../secret"}')).toThrow(/valid "version"/)
    expect(() => parsePointer('null')).toThrow(/valid "version"/)
  })
})
