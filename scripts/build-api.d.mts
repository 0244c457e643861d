export const API_DIST: string
export const API_MAIN: string
export function apiBuildStale(): boolean
export function buildApi(): Promise<void>
export function ensureApiBuilt(): Promise<string>
