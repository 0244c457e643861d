import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { contentUuid } from '../services/photos/store-generated.ts'
import { sniffMediaType } from '../storage/sniff.ts'
import { DEMO_SCENES, renderDemoPhotos, sceneOf } from './demo-photos.ts'

describe('demo photos (drawn at seed time, no network)', () => {
  it('renders a before and an after JPEG per scene: small, 640×480, the same bytes every time', async () => {
    const a = await renderDemoPhotos()
    expect(a.map((p) => `${p.scene}:${p.kind}`)).toEqual(DEMO_SCENES.flatMap((s) => [`${s}:before`, `${s}:after`]))
    for (const p of a) {
      expect(sniffMediaType(p.data).kind).toBe('jpeg')
      expect(p.data.byteLength).toBeLessThan(40_000)
      expect(await sharp(p.data).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 480 })
    }
    const b = await renderDemoPhotos()
    expect(b.map((p) => p.data.equals(a.find((x) => x.scene === p.scene && x.kind === p.kind)!.data))).toEqual(b.map(() => true))
  }, 30_000)

  it('picks the scene by subclass; classes without one get no photo', () => {
    expect(sceneOf('020601')).toBe('litter')
    expect(sceneOf('010501')).toBe('road')
    expect(sceneOf('020701')).toBe('street')
    expect(sceneOf('041401')).toBe('street')
    expect(sceneOf('031005')).toBe('litter')
    expect(sceneOf('031002')).toBeNull() // 夜间违规施工: no scene fits
    expect(sceneOf('020901')).toBeNull()
    expect(sceneOf(null)).toBeNull()
  })

  it('ids come from the content: a valid UUID (version 8), the same for the same bytes', () => {
    const id = contentUuid('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')
    expect(id).toBe('9f86d081-884c-8d65-9a2f-eaa0c55ad015')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
