// shpjs ships no types; the two low-level readers used by geo/shapefile-read.ts.
declare module 'shpjs' {
  /** Geometries of a .shp; `prj` (a proj4 projection or WKT) reprojects, absent keeps the file's coordinates. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): (GeoJSON.Geometry | null)[]
  /** Rows of a .dbf; `cpg` is the encoding label from the .cpg. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[]
}
