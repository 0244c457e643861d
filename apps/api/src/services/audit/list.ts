/** The audit log, newest first, filtered (admin and efficiency office): a read straight from the repository. */
export { listAudit } from '../../db/repositories/audit.ts'
