/** The incidents behind one analytics cell (drill-down): a read straight from the repository. */
export { drillIncidents, type DrillCell } from '../../db/repositories/analytics-views.ts'
