/** A `datetime-local` value (YYYY-MM-DDTHH:mm) showing this instant in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiInputValue(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16)
}
