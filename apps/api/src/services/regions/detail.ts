/** One region with its current (or as-of) version: a read straight from the repository. */
export { regionDetail } from '../../db/repositories/regions.ts'
