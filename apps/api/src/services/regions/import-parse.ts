import type { Database } from '../../db/types.ts'
import { Problem } from '../../http/problem.ts'
import { withFeatureLabels, type ImportFile, type ImportSource } from '../geometry/exchange-file.ts'
import { importRegions, type ImportSummary } from './import.ts'

export interface ParsedImport {
  /** How the file was read; null for a plain GeoJSON body. */
  source: ImportSource | null
  /** The file's features in WGS84, as the import would write them. */
  features: { type: 'FeatureCollection'; features: unknown[] }
  /** True when importing the file would succeed now. */
  valid: boolean
  /** What importing would do (created/updated/unchanged per feature), when valid. */
  summary: Omit<ImportSummary, 'dryRun'> | null
  /** Every problem of every feature (as the import's 422 lists them), each naming the feature in the file. */
  issues: unknown[]
}

/**
 * Reads, reprojects and checks a region file without writing anything: the basis of a previewed draft change set
 * (docs/IMPORT-EXPORT.md). The checks are the import's own (a dry run in a rolled-back transaction).
 */
export async function parseRegionImport({ database, file }: { database: Database; file: ImportFile }): Promise<ParsedImport> {
  const base = { source: file.source, features: file.collection }
  try {
    const { dryRun: _d, ...summary } = await withFeatureLabels(file, () => importRegions({ database, input: file.collection, dryRun: true }), { always: true })
    return { ...base, valid: true, summary, issues: [] }
  } catch (e) {
    if (e instanceof Problem && e.code === 'import_invalid') return { ...base, valid: false, summary: null, issues: (e.extra.issues as unknown[]) ?? [] }
    throw e
  }
}
