/** Evaluation reads and writes the routes make directly: incident summaries, schemes and publications. */
export { incidentSummaries } from '../../db/repositories/evaluation.ts'
export { insertPublication, publicationFor, saveScheme } from '../../db/repositories/evaluation-schemes.ts'
