import exifr from 'exifr'

export interface ExifHints {
  /** WGS84 degrees, or null when the photo has no usable GPS fix. */
  gps: { lng: number; lat: number } | null
  /** When the photo was taken (DateTimeOriginal), or null. */
  takenAt: Date | null
}

const NONE: ExifHints = { gps: null, takenAt: null }

/** Degrees from EXIF's [degrees, minutes, seconds] rationals (some writers put everything in degrees). */
export function dmsToDegrees(dms: unknown, ref: unknown, negativeRef: 'S' | 'W'): number | null {
  const parts = Array.isArray(dms) ? dms : typeof dms === 'number' ? [dms] : null
  if (!parts || parts.length === 0 || parts.length > 3 || !parts.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0)) return null
  const [d = 0, m = 0, s = 0] = parts as number[]
  const value = d + m / 60 + s / 3600
  return typeof ref === 'string' && ref.trim().toUpperCase().startsWith(negativeRef) ? -value : value
}

/**
 * "2026:03:01 10:20:30" (EXIF has no zone) with the EXIF 2.31 offset tag "+08:00" when the camera wrote
 * one. Without an offset the time is taken as China Standard Time (UTC+8, no daylight saving): the
 * platform's photos are taken in Hanjiang by phones set to local time.
 */
export function exifDate(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/.exec(value.trim())
  if (!m) return null
  const tz = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00'
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${(m[7] ?? '0').padEnd(3, '0')}${tz}`
  const d = new Date(iso)
  // Reject impossible dates (2026-02-30 rolls over in Date) and the all-zero placeholder some cameras write.
  if (Number.isNaN(d.getTime()) || Number(m[1]) < 1900 || Number(m[2]) < 1 || Number(m[2]) > 12) return null
  const local = new Date(d.getTime() + (tz.startsWith('-') ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4))) * 60_000)
  if (local.getUTCDate() !== Number(m[3])) return null
  return d
}

/**
 * Location and time hints from a photo's EXIF block (a TIFF structure, as sharp's metadata().exif gives it
 * for JPEG, PNG and WebP alike, with or without the "Exif\0\0" prefix).
 *
 * The GPS position is WGS84: the EXIF standard's GPSMapDatum is WGS-84 by default and phones write raw GNSS
 * fixes, which are WGS84 (not the GCJ-02 that Chinese map apps display). It is only a hint: the reporter
 * may have taken the photo elsewhere, and the fix may be old or coarse. A broken EXIF block gives no hints;
 * it never refuses the photo.
 */
export async function exifHints(exif: Buffer | undefined): Promise<ExifHints> {
  if (!exif || exif.length < 8) return NONE
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif
  let tags: Record<string, unknown> | undefined
  try {
    tags = await exifr.parse(tiff, {
      tiff: true, exif: true, gps: true, ifd1: false, interop: false, xmp: false, icc: false, iptc: false,
      translateKeys: true, translateValues: false, reviveValues: false, mergeOutput: true,
    })
  } catch {
    return NONE
  }
  if (!tags) return NONE
  return { gps: gpsOf(tags), takenAt: exifDate(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal ?? tags.OffsetTimeDigitized) }
}

function gpsOf(tags: Record<string, unknown>): ExifHints['gps'] {
  const lat = dmsToDegrees(tags.GPSLatitude, tags.GPSLatitudeRef, 'S')
  const lng = dmsToDegrees(tags.GPSLongitude, tags.GPSLongitudeRef, 'W')
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  // 0,0 is what some phones write when they had no fix.
  if (lat === 0 && lng === 0) return null
  // GPSStatus "V" marks a measurement in progress / void fix.
  if (typeof tags.GPSStatus === 'string' && tags.GPSStatus.trim().toUpperCase() === 'V') return null
  return { lng, lat }
}
