/** A fresh idempotency key: random, printable ASCII (the API's Idempotency-Key / chunkId rule). */
export function newKey(prefix: string): string {
  const id = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  return `${prefix}-${id}`
}
