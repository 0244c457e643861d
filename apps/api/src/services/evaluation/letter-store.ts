/** Letters (效能预警函/督办函) and their checks as stored: reads and the check insert, from the repository. */
export { findLetter, insertCheck, listChecks, listLetters } from '../../db/repositories/letters.ts'
