/** Returns apps/web/dist, building it first when missing or stale. */
export function ensureWebBuilt(): string
