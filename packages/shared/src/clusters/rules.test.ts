import { describe, expect, it } from 'vitest'
import { distanceM } from '../geo/distance.ts'
import {
  CLUSTER_CLOSED_ACTION,
  CLUSTER_REOPENED_ACTION,
  CLUSTER_FLAG_MIN_REPORTS,
  closesCluster,
  clusterClosedMessage,
  clusterReopenedMessage,
  clusterReportCount,
  isClusterFlagged,
  isMergeTargetState,
  reopensCluster,
  searchBoxDegrees,
  subclassOf,
} from './rules.ts'

describe('subclassOf', () => {
  it.each([
    ['010502', '0105'],
    ['020901', '0209'],
    ['0105', '0105'],
  ])('%s → %s', (code, sub) => expect(subclassOf(code)).toBe(sub))

  it.each(['01', '', '01050', '0105021', 'ab0502', ' 010502'])('%j → null', (code) => {
    expect(subclassOf(code)).toBeNull()
  })
})

describe('cluster flag (R9)', () => {
  it('counts the primary as one report', () => {
    expect(clusterReportCount(0)).toBe(1)
    expect(clusterReportCount(4)).toBe(5)
    expect(() => clusterReportCount(-1)).toThrow(RangeError)
    expect(() => clusterReportCount(1.5)).toThrow(RangeError)
  })

  it(`flags from ${CLUSTER_FLAG_MIN_REPORTS} reports by default`, () => {
    expect(CLUSTER_FLAG_MIN_REPORTS).toBe(5)
    expect(isClusterFlagged(3)).toBe(false)
    expect(isClusterFlagged(4)).toBe(true)
    expect(isClusterFlagged(10)).toBe(true)
  })

  it('takes another threshold', () => {
    expect(isClusterFlagged(1, 2)).toBe(true)
    expect(isClusterFlagged(0, 2)).toBe(false)
    expect(isClusterFlagged(0, 1)).toBe(true)
    expect(() => isClusterFlagged(1, 0)).toThrow(RangeError)
  })
})

describe('isMergeTargetState', () => {
  it('offers open incidents only', () => {
    for (const s of ['reported', 'registered', 'dispatched', 'accepted', 'on_site', 'resolved', 'returned']) {
      expect(isMergeTargetState(s)).toBe(true)
    }
    for (const s of ['closed', 'rejected', 'merged']) expect(isMergeTargetState(s)).toBe(false)
  })
})

describe('searchBoxDegrees', () => {
  it('contains the whole circle at Hanjiang latitude', () => {
    const c = { lng: 119.1, lat: 25.46 }
    for (const radiusM of [1, 250, 5000]) {
      const { dLng, dLat } = searchBoxDegrees(c.lat, radiusM)
      // The box edges are farther than the radius (haversine within 0.5 % of the spheroid).
      expect(distanceM(c, { lng: c.lng + dLng, lat: c.lat })).toBeGreaterThan(radiusM * 1.005)
      expect(distanceM(c, { lng: c.lng, lat: c.lat + dLat })).toBeGreaterThan(radiusM * 1.005)
      expect(distanceM(c, { lng: c.lng, lat: c.lat - dLat })).toBeGreaterThan(radiusM * 1.005)
      // …but not absurdly so.
      expect(distanceM(c, { lng: c.lng + dLng, lat: c.lat })).toBeLessThan(radiusM * 1.2 + 2)
    }
  })

  it('widens longitude near the poles and saturates at 180°', () => {
    expect(searchBoxDegrees(60, 1000).dLng).toBeGreaterThan(searchBoxDegrees(0, 1000).dLng * 1.9)
    expect(searchBoxDegrees(90, 1000).dLng).toBe(180)
    expect(searchBoxDegrees(0, 0).dLat).toBeGreaterThan(0)
    expect(() => searchBoxDegrees(0, -1)).toThrow(RangeError)
    expect(() => searchBoxDegrees(0, Number.NaN)).toThrow(RangeError)
  })
})

describe('R9: closing the primary answers the merged reports', () => {
  it('only a transition to closed does it; the message names the primary and no one else', () => {
    expect(closesCluster('closed')).toBe(true)
    for (const s of ['resolved', 'merged', 'rejected', 'registered']) expect(closesCluster(s), s).toBe(false)
    expect(CLUSTER_CLOSED_ACTION).toBe('primaryClosed')
    const m = clusterClosedMessage('HJ20261126-00001')
    expect(m.zh).toContain('HJ20261126-00001')
    expect(m.en).toContain('HJ20261126-00001')
  })
})

describe('R9: reopening the primary tells the merged reports', () => {
  it('only a transition out of closed does it; the message names the primary', () => {
    expect(reopensCluster('closed', 'registered')).toBe(true)
    expect(reopensCluster('closed', 'closed')).toBe(false) // a callback or rating on a closed incident
    for (const s of ['resolved', 'merged', 'registered']) expect(reopensCluster(s, 'registered'), s).toBe(false)
    expect(CLUSTER_REOPENED_ACTION).toBe('primaryReopened')
    const m = clusterReopenedMessage('HJ20261126-00001')
    expect(m.zh).toContain('HJ20261126-00001')
    expect(m.en).toContain('HJ20261126-00001')
  })
})
