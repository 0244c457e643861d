/** The signed-in user's own account row (GET /api/auth/me): a read straight from the repository. */
export { findUserById } from '../../db/repositories/accounts.ts'
