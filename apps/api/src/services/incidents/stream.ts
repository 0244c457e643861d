/** The live event stream's reads: the replay of the log after a position, and a scope's units with their sections. */
export { eventSummariesBetween } from '../../db/repositories/incident-stream.ts'
export { unitsWithSections } from '../../db/repositories/incident-scope.ts'
