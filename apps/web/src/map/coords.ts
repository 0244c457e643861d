/**
 * Reading coordinates a dispatcher types or pastes: from phone maps (AMap, Baidu, Tencent), a GPS app or a message.
 * Full-width digits and punctuation (Chinese input methods) are folded; a degree sign and E/N letters are allowed.
 */

function fold(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000，、；]/g, ',')
    .replace(/。/g, '.')
}

const NUMBER = /[-+]?\d+(?:\.\d+)?/g

/** One coordinate value ("119.14", "119.14°", "１１９．１４", "119.14E"), or null when it is not a number. */
export function parseCoordinate(text: string): number | null {
  const t = fold(text).trim().replace(/\s*°?\s*[EeNn东北]?$/, '')
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(t)) return null
  const v = Number(t)
  return Number.isFinite(v) ? v : null
}

/**
 * A pair of coordinates in one string, "lng, lat" as Chinese phone maps copy them ("119.14,25.515"). A pair that
 * only makes sense the other way round (a first value within ±90 and a second beyond it, as "25.515, 119.14"
 * from a lat-first app) is swapped. Null unless the text holds exactly two numbers.
 */
export function parseLngLatPair(text: string): { lng: number; lat: number; swapped: boolean } | null {
  const nums = fold(text).match(NUMBER)
  if (!nums || nums.length !== 2) return null
  const [a, b] = nums.map(Number) as [number, number]
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null
  if (Math.abs(a) <= 90 && Math.abs(b) > 90) return { lng: b, lat: a, swapped: true }
  return { lng: a, lat: b, swapped: false }
}
