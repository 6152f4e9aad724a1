import { describe, expect, it } from 'vitest'
import { Lru } from '../../engine/lru'

describe('the LRU cache', () => {
  it('drops the least recently used entries once their weight passes the capacity', () => {
    const lru = new Lru<string, number>(10)
    lru.set('a', 1, 4)
    lru.set('b', 2, 4)
    lru.get('a')
    lru.set('c', 3, 4)
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3])
  })

  it('evicts others when an entry turns out heavier than first thought, but keeps that entry', () => {
    const lru = new Lru<string, number>(10)
    lru.set('a', 1)
    lru.set('b', 2)
    lru.reweigh('b', 50)
    expect([lru.get('a'), lru.get('b')]).toEqual([undefined, 2])
  })
})

describe('the LRU cache with hooks', () => {
  it('keeps entries it is told to keep, over capacity, and drops them on a trim once they may go', () => {
    const kept = new Set(['a'])
    const dropped: string[] = []
    const lru = new Lru<string, number>(4, { keep: (k) => kept.has(k), dropped: (k) => dropped.push(k) })
    lru.set('a', 1, 4)
    lru.set('b', 2, 4)
    expect([lru.get('a'), lru.get('b'), dropped]).toEqual([1, 2, []])
    kept.clear()
    lru.trim()
    expect([lru.get('a'), lru.get('b'), dropped]).toEqual([undefined, 2, ['a']])
  })
})
