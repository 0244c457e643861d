/** Photo ids (from POST /api/photos) attached to an event, each with its role. */
export type PhotoKind = 'before' | 'after' | 'attachment'
export interface PhotoRef {
  id: string
  kind: PhotoKind
}

export type PhotoInput = Partial<Record<PhotoKind, readonly string[] | undefined>>

/** The event's `photos` JSON: `[{id, kind}]`, or null when there are none. */
export function photoRefs(input: PhotoInput): PhotoRef[] | null {
  const out: PhotoRef[] = []
  for (const kind of ['before', 'after', 'attachment'] as const) for (const id of input[kind] ?? []) out.push({ id, kind })
  return out.length ? out : null
}
