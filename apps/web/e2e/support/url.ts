/**
 * A screen's URL with `test` added to its query: production builds expose the map to browser tests only with
 * `?test` in the URL (composables/use-maplibre.ts).
 */
export function withTest(base: string, path: string): string {
  return `${base}${path}${path.includes('?') ? '&' : '?'}test`
}
