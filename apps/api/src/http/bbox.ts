import { z } from 'zod'

/** A `bbox` query parameter: west,south,east,north in WGS84 degrees (the map's view), checked for shape and range. */
export const bboxParam = z
  .string({ message: 'bbox is required: west,south,east,north in WGS84 degrees' })
  .transform((s, ctx) => {
    const v = s.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)))
    const [w, so, e, n] = v as [number, number, number, number]
    const problem =
      v.length !== 4 || v.some((x) => !Number.isFinite(x))
        ? 'bbox is west,south,east,north: four numbers'
        : Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(so) > 90 || Math.abs(n) > 90
          ? 'bbox is out of range (longitudes ±180, latitudes ±90)'
          : !(w < e && so < n)
            ? 'bbox must have west < east and south < north'
            : null
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem })
      return z.NEVER
    }
    return [w, so, e, n] as [number, number, number, number]
  })

/** A map `zoom` query parameter (0–22, fractions allowed). */
export const zoomParam = z.coerce.number({ message: 'zoom must be a number' }).min(0, 'zoom is 0–22').max(22, 'zoom is 0–22')
