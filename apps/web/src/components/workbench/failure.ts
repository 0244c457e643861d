import { isApiError } from '../../api/client.ts'

/** One line for a failed action: the server's problem text as written, or the error's message. */
export function describeApiFailure(e: unknown): string {
  if (isApiError(e)) return e.message
  return e instanceof Error ? e.message : String(e)
}
