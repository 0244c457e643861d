import { describe, expect, it } from 'vitest'
import { IdSequencer } from './sequencer.ts'

/** A sequencer on a hand-driven clock: `advance(ms)` runs the timers that come due. */
function harness(start = 0, graceMs = 1000) {
  let now = 0
  let timer: { at: number; fn: () => void } | null = null
  const released: number[] = []
  const late: number[] = []
  const frontiers: number[] = []
  const seq = new IdSequencer({
    start,
    graceMs,
    release: (ids, upTo) => {
      released.push(...ids)
      frontiers.push(upTo)
    },
    late: (id) => late.push(id),
    now: () => now,
    setTimer: (fn, ms) => (timer = { at: now + ms, fn }),
    clearTimer: () => (timer = null),
  })
  const advance = (ms: number) => {
    now += ms
    while (timer && timer.at <= now) {
      const t = timer
      timer = null
      t.fn()
    }
  }
  return { seq, released, late, frontiers, advance, armed: () => timer !== null }
}

describe('IdSequencer: commit order → id order', () => {
  it('passes consecutive ids through at once', () => {
    const h = harness(10)
    h.seq.add([11])
    h.seq.add([12, 13])
    expect(h.released).toEqual([11, 12, 13])
    expect(h.seq.frontier).toBe(13)
    expect(h.armed()).toBe(false)
  })

  it('holds a later id until the lower one commits (7, 9, 8 → 7, 8, 9)', () => {
    const h = harness(6)
    h.seq.add([7])
    h.seq.add([9])
    expect(h.released).toEqual([7])
    expect(h.seq.frontier).toBe(7)
    h.advance(500)
    h.seq.add([8])
    expect(h.released).toEqual([7, 8, 9])
    expect(h.frontiers.at(-1)).toBe(9)
    expect(h.armed()).toBe(false)
  })

  it('gives a gap up after the grace (a rolled-back insert) and moves on', () => {
    const h = harness(0, 1000)
    h.seq.add([1, 3, 4])
    expect(h.released).toEqual([1])
    h.advance(999)
    expect(h.released).toEqual([1])
    h.advance(1)
    expect(h.released).toEqual([1, 3, 4])
    expect(h.seq.frontier).toBe(4)
  })

  it('several gaps: everything that waited out its grace goes in one release', () => {
    const h = harness(0, 1000)
    h.seq.add([2])
    h.advance(400)
    h.seq.add([4])
    h.advance(600) // 2 has waited 1000 ms: gap 1 given up; 4 still waits for 3
    expect(h.released).toEqual([2])
    h.advance(400)
    expect(h.released).toEqual([2, 4])
  })

  it('an id below the frontier arriving later is late, once; a repeat of a released id is ignored', () => {
    const h = harness(0, 1000)
    h.seq.add([1, 3])
    h.advance(1000)
    expect(h.released).toEqual([1, 3])
    h.seq.add([2])
    h.seq.add([2, 3, 1])
    expect(h.late).toEqual([2])
    expect(h.released).toEqual([1, 3])
  })

  it('history at start is not replayed: ids up to start are late only if they were never seen', () => {
    const h = harness(100)
    h.seq.add([100])
    expect(h.released).toEqual([])
    expect(h.late).toEqual([100])
  })

  it('close stops the timer and ignores later ids', () => {
    const h = harness(0)
    h.seq.add([2])
    h.seq.close()
    expect(h.armed()).toBe(false)
    h.seq.add([1])
    expect(h.released).toEqual([])
  })
})
