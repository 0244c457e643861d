/** A unit's sections (股室), for the workbench's assignment: a read straight from the repository. */
export { listSections } from '../../db/repositories/workbench.ts'
