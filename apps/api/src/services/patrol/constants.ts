/** Hanjiang district: every region code starts with it. */
export const DISTRICT_PREFIX = '350303'
