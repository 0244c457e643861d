import type { StyleSpecification } from 'maplibre-gl'
import type { BasemapPreset } from '../api/types.ts'
import { absoluteUrl, pmtilesBasemap, styleBasemap, xyzBasemap, type BasemapStyle, type PmtilesInfo } from './style.ts'

export interface BasemapDeps {
  /** Fetches a style document. */
  fetchStyle?: (url: string) => Promise<StyleSpecification>
  /** Opens a PMTiles archive, registers it with MapLibre's `pmtiles://` protocol, and describes it. */
  openPmtiles?: (url: string) => Promise<PmtilesInfo>
}

async function defaultFetchStyle(url: string): Promise<StyleSpecification> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } })
  if (!res.ok) throw new Error(`basemap style ${url}: HTTP ${res.status}`)
  const style = (await res.json()) as StyleSpecification
  if (!style || style.version !== 8 || !Array.isArray(style.layers)) throw new Error(`basemap style ${url}: not a MapLibre style`)
  return style
}

let pmtilesProtocol: Promise<import('pmtiles').Protocol> | null = null

/** Registers the `pmtiles://` protocol with MapLibre once; the pmtiles code is only loaded when configured. */
async function defaultOpenPmtiles(url: string): Promise<PmtilesInfo> {
  const [{ PMTiles, Protocol }, maplibre] = await Promise.all([import('pmtiles'), import('maplibre-gl')])
  pmtilesProtocol ??= Promise.resolve().then(() => {
    const protocol = new Protocol({ metadata: true })
    maplibre.addProtocol('pmtiles', protocol.tile)
    return protocol
  })
  const protocol = await pmtilesProtocol
  const archive = new PMTiles(absoluteUrl(url))
  protocol.add(archive)
  const header = await archive.getHeader()
  let vectorLayers: string[] = []
  if (header.tileType === 1) {
    const meta = (await archive.getMetadata().catch(() => null)) as { vector_layers?: { id?: unknown }[] } | null
    vectorLayers = (meta?.vector_layers ?? []).map((l) => l.id).filter((id): id is string => typeof id === 'string')
  }
  return { tileType: header.tileType, minZoom: header.minZoom, maxZoom: header.maxZoom, vectorLayers }
}

/** Turns a configured basemap into style sources and layers; null for none. */
export async function resolveBasemap(
  src: Pick<BasemapPreset, 'type' | 'url' | 'tiles' | 'labelTiles' | 'maxZoom' | 'attribution'> | null,
  deps: BasemapDeps = {},
): Promise<BasemapStyle | null> {
  if (!src) return null
  switch (src.type) {
    case 'xyz':
      return xyzBasemap(src)
    case 'style': {
      const url = absoluteUrl(src.url)
      const style = await (deps.fetchStyle ?? defaultFetchStyle)(url)
      return styleBasemap(style, url, src.attribution)
    }
    case 'pmtiles': {
      const info = await (deps.openPmtiles ?? defaultOpenPmtiles)(src.url)
      return pmtilesBasemap(src.url, info, src.attribution)
    }
    default:
      throw new Error(`unknown tile source type: ${String((src as { type: unknown }).type)}`)
  }
}
