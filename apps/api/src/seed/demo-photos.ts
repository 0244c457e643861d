import sharp from 'sharp'
import type { AppDb, Database } from '../db/types.ts'
import { storeGeneratedPhotos } from '../services/photos/store-generated.ts'
import type { FileStorage } from '../storage/index.ts'

/**
 * Demo photos: a few street scenes drawn here as SVG and rendered to JPEG by sharp at seed
 * time — no network, no files from elsewhere. Each scene has a "before" (the problem as reported) and an
 * "after" (as the unit left it); the demo attaches them by the incident's fine class. Six images, stored once
 * through the photo storage and shared by the incidents that show them.
 */

export const DEMO_SCENES = ['litter', 'road', 'street'] as const
export type DemoScene = (typeof DEMO_SCENES)[number]

/** Which fine classes show which scene (what the drawing shows fits them); the others get no photos. */
const SCENE_OF_CLASS: Record<string, DemoScene> = {
  // 环境卫生: 暴露垃圾, 积存垃圾渣土, 垃圾箱满溢, 道路不洁; 工地: 道路遗撒, 施工废弃料乱堆
  ...Object.fromEntries(['020601', '020602', '020603', '020604', '031005', '031006'].map((c) => [c, 'litter' as const])),
  // 道路破损坑洼, 路面塌陷, 人行道板破损; 井盖、雨水箅子、污水外溢、道路积水
  ...Object.fromEntries(['010501', '010502', '010503', '010201', '010202', '010203', '010204'].map((c) => [c, 'road' as const])),
  // 占道经营, 店外经营, 流动摊贩, 乱堆物堆料, 露天烧烤; 乱停放, 占用消防通道, 废弃车辆; 私搭乱建, 占用公共空间
  ...Object.fromEntries(
    ['020701', '020702', '020703', '020704', '020708', '041401', '041402', '041403', '041407', '031101', '031102'].map((c) => [c, 'street' as const]),
  ),
}

export function sceneOf(fineClass: string | null): DemoScene | null {
  return fineClass ? (SCENE_OF_CLASS[fineClass] ?? null) : null
}

/** The stored photos: scene → the ids of its before and after image. */
export type DemoPhotoSet = ReadonlyMap<DemoScene, { before: string; after: string }>

const W = 640
const H = 480

/** Shared backdrop: a street front with a pavement; `ground` is drawn over it. */
function frame(body: string, tint: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b9d3ea"/><stop offset="1" stop-color="#e7eef4"/></linearGradient>
    <linearGradient id="pave" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b7b2a8"/><stop offset="1" stop-color="#8f8a80"/></linearGradient>
    <linearGradient id="asphalt" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5d6166"/><stop offset="1" stop-color="#3b3e42"/></linearGradient>
    <linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <rect x="0" y="40" width="${W}" height="230" fill="${tint}"/>
  <g fill="#d9e3ea" stroke="#7d8a94" stroke-width="3">
    <rect x="30" y="80" width="90" height="70"/><rect x="150" y="80" width="90" height="70"/>
    <rect x="400" y="80" width="90" height="70"/><rect x="520" y="80" width="90" height="70"/>
  </g>
  <rect x="255" y="150" width="130" height="120" fill="#6f5a44"/>
  <rect x="0" y="160" width="${W}" height="14" fill="#a33a2e"/>
  <rect x="0" y="270" width="${W}" height="110" fill="url(#pave)"/>
  <g stroke="#7c776e" stroke-width="2">
    <line x1="0" y1="300" x2="${W}" y2="300"/><line x1="0" y1="335" x2="${W}" y2="335"/>
    <line x1="80" y1="270" x2="60" y2="380"/><line x1="220" y1="270" x2="210" y2="380"/>
    <line x1="360" y1="270" x2="365" y2="380"/><line x1="500" y1="270" x2="515" y2="380"/>
  </g>
  <rect x="0" y="380" width="${W}" height="12" fill="#c9c4ba"/>
  <rect x="0" y="392" width="${W}" height="88" fill="url(#asphalt)"/>
  ${body}
  <rect width="${W}" height="${H}" fill="url(#shade)"/>
</svg>`
}

/** A street seen down its length: the road fills the lower half (for problems on the carriageway). */
function roadFrame(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#a9c8e6"/><stop offset="1" stop-color="#e4edf4"/></linearGradient>
    <linearGradient id="road" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6b6f74"/><stop offset="1" stop-color="#44474b"/></linearGradient>
    <linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.22"/></linearGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <g fill="#cfc6b6"><rect x="0" y="120" width="150" height="110"/><rect x="490" y="100" width="150" height="130"/></g>
  <g fill="#e3dccf"><rect x="150" y="150" width="90" height="80"/><rect x="400" y="140" width="90" height="90"/></g>
  <g fill="#9fb3c2"><rect x="20" y="140" width="30" height="24"/><rect x="70" y="140" width="30" height="24"/><rect x="520" y="124" width="30" height="24"/><rect x="580" y="124" width="30" height="24"/></g>
  <g fill="#3f7a45"><circle cx="180" cy="214" r="26"/><circle cx="452" cy="212" r="28"/></g>
  <path d="M0 230 L${W} 230 L${W} ${H} L0 ${H} Z" fill="#b9b3a8"/>
  <path d="M280 230 L360 230 L${W} ${H} L0 ${H} Z" fill="url(#road)"/>
  <path d="M280 230 L360 230" stroke="#c9c4ba" stroke-width="4"/>
  <g fill="#f2f2f2"><path d="M318 236 L322 236 L324 262 L316 262 Z"/><path d="M314 288 L326 288 L330 332 L310 332 Z"/><path d="M306 372 L334 372 L340 440 L300 440 Z"/></g>
  ${body}
  <rect width="${W}" height="${H}" fill="url(#shade)"/>
</svg>`
}

const bag = (cx: number, cy: number, r: number, fill: string) =>
  `<g><ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${r * 0.78}" fill="${fill}"/><path d="M${cx - 5} ${cy - r * 0.7} L${cx} ${cy - r * 0.7 - 12} L${cx + 5} ${cy - r * 0.7}" fill="${fill}"/></g>`

const bin = (x: number, lidOpen: boolean) => `
  <g>
    <rect x="${x}" y="250" width="70" height="92" rx="6" fill="#2f7d3a"/>
    <rect x="${x + 8}" y="262" width="54" height="6" fill="#25632e"/>
    ${lidOpen ? `<path d="M${x + 74} 246 L${x + 86} 176 L${x + 78} 174 L${x + 66} 244 Z" fill="#2a6e33"/>` : `<rect x="${x - 4}" y="242" width="78" height="12" rx="3" fill="#2a6e33"/>`}
    <circle cx="${x + 12}" cy="345" r="7" fill="#222"/><circle cx="${x + 58}" cy="345" r="7" fill="#222"/>
  </g>`

const SCENES: Record<DemoScene, { before: string; after: string }> = {
  litter: {
    before: frame(
      `${bin(400, true)}
      <g>
        ${bag(360, 348, 34, '#1f1f22')}${bag(330, 330, 24, '#34343a')}${bag(470, 350, 28, '#e8e8e2')}${bag(506, 338, 22, '#26262a')}
        ${bag(420, 240, 26, '#2b2b30')}${bag(448, 232, 16, '#d8d6cc')}
        <rect x="300" y="352" width="34" height="22" fill="#b98a50" transform="rotate(-12 317 363)"/>
        <ellipse cx="420" cy="372" rx="90" ry="10" fill="#5b4a2e" opacity="0.35"/>
        <circle cx="270" cy="360" r="5" fill="#d33"/><rect x="540" y="362" width="16" height="8" fill="#39c" transform="rotate(25 548 366)"/>
        <circle cx="560" cy="350" r="4" fill="#eee"/><rect x="250" y="340" width="12" height="6" fill="#eee"/>
      </g>`,
      '#e6dccb',
    ),
    after: frame(
      `${bin(400, false)}
      <rect x="395" y="282" width="80" height="3" fill="#fff" opacity="0.4"/>`,
      '#e6dccb',
    ),
  },
  road: {
    before: roadFrame(`
      <path d="M250 360 C290 338 392 336 430 356 C462 374 452 414 404 428 C340 444 262 432 240 408 C224 390 228 372 250 360 Z" fill="#232528"/>
      <path d="M270 372 C306 356 380 356 410 370 C428 382 418 404 384 410 C336 418 284 410 268 398 C258 388 260 378 270 372 Z" fill="#71848f" opacity="0.9"/>
      <path d="M276 380 C300 372 330 370 350 374" stroke="#c9d6dd" stroke-width="3" fill="none" opacity="0.7"/>
      <path d="M250 360 L226 350 M430 356 L458 342 M404 428 L418 446 M240 408 L214 414" stroke="#2b2d30" stroke-width="3"/>
      <g fill="#55585c"><circle cx="220" cy="392" r="5"/><circle cx="462" cy="400" r="6"/><circle cx="300" cy="446" r="4"/><circle cx="440" cy="336" r="4"/></g>
      <g transform="translate(500 330)">
        <path d="M26 0 L52 96 L0 96 Z" fill="#f26a1b"/><rect x="13" y="38" width="26" height="12" fill="#fff"/><rect x="8" y="64" width="36" height="12" fill="#fff"/>
        <rect x="-8" y="94" width="68" height="10" fill="#333"/>
      </g>`),
    after: roadFrame(`
      <path d="M212 334 L470 334 L486 440 L196 440 Z" fill="#2c2f33"/>
      <path d="M212 334 L470 334 L486 440 L196 440 Z" fill="none" stroke="#1d1f21" stroke-width="4"/>
      <path d="M230 350 L456 350" stroke="#383c40" stroke-width="2"/><path d="M222 390 L472 390" stroke="#383c40" stroke-width="2"/>`),
  },
  street: {
    before: frame(
      `<g>
        <path d="M180 200 L330 200 L300 236 L210 236 Z" fill="#d43c3c"/><rect x="252" y="236" width="6" height="70" fill="#777"/>
        <rect x="190" y="300" width="140" height="46" fill="#c9a36b"/><rect x="190" y="346" width="8" height="20" fill="#6b5638"/><rect x="322" y="346" width="8" height="20" fill="#6b5638"/>
        <rect x="205" y="284" width="30" height="16" fill="#e0b84c"/><rect x="245" y="286" width="30" height="14" fill="#8dbb4c"/><rect x="285" y="284" width="30" height="16" fill="#d86a4c"/>
        <rect x="345" y="318" width="44" height="44" fill="#b98a50"/><rect x="352" y="290" width="34" height="30" fill="#c79a5e"/>
        <g fill="none" stroke="#263238" stroke-width="5">
          <circle cx="450" cy="358" r="18"/><circle cx="510" cy="358" r="18"/><path d="M450 358 L478 326 L510 358 M470 326 L492 326"/>
          <circle cx="540" cy="362" r="18"/><circle cx="600" cy="362" r="18"/><path d="M540 362 L568 330 L600 362 M560 330 L582 330"/>
        </g>
        <rect x="60" y="320" width="70" height="40" rx="8" fill="#3d6fb6"/><circle cx="75" cy="362" r="10" fill="#222"/><circle cx="118" cy="362" r="10" fill="#222"/>
      </g>`,
      '#efe4cf',
    ),
    after: frame(
      `<g>
        <rect x="430" y="330" width="200" height="46" fill="none" stroke="#f5f5f5" stroke-width="3" stroke-dasharray="10 6"/>
        <g fill="none" stroke="#263238" stroke-width="5">
          <circle cx="455" cy="360" r="14"/><circle cx="495" cy="360" r="14"/><path d="M455 360 L475 336 L495 360"/>
          <circle cx="520" cy="360" r="14"/><circle cx="560" cy="360" r="14"/><path d="M520 360 L540 336 L560 360"/>
        </g>
      </g>`,
      '#efe4cf',
    ),
  },
}

/** The six images as JPEG bytes (deterministic for a given sharp/libvips). */
export async function renderDemoPhotos(): Promise<{ scene: DemoScene; kind: 'before' | 'after'; data: Buffer }[]> {
  const jobs = DEMO_SCENES.flatMap((scene) =>
    (['before', 'after'] as const).map(async (kind) => ({
      scene,
      kind,
      data: await sharp(Buffer.from(SCENES[scene][kind])).jpeg({ quality: 72, mozjpeg: false }).toBuffer(),
    })),
  )
  return Promise.all(jobs)
}

/** Renders the scenes and stores them (files through `storage`, rows in the seed's transaction `tx`). */
export async function storeDemoPhotos(database: Database, tx: AppDb, storage: FileStorage): Promise<DemoPhotoSet> {
  const images = await renderDemoPhotos()
  const stored = await storeGeneratedPhotos(
    database,
    tx,
    storage,
    images.map((i) => ({ name: `demo-${i.scene}-${i.kind}.jpg`, data: i.data })),
    'demo',
  )
  const out = new Map<DemoScene, { before: string; after: string }>()
  images.forEach((img, i) => {
    const have = out.get(img.scene) ?? { before: '', after: '' }
    have[img.kind] = stored[i]!.id
    out.set(img.scene, have)
  })
  return out
}
