/** One stored photo's row, within the caller's scope when one is given: a read straight from the repository. */
export { findPhoto, type PhotoRecord } from '../../db/repositories/photos.ts'
