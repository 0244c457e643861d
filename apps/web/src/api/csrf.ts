/** The CSRF token the API set in the readable `hj_csrf` cookie; unsafe requests echo it in X-CSRF-Token. */
export function csrfHeaders(cookie: string = typeof document === 'undefined' ? '' : document.cookie): Record<string, string> {
  const m = /(?:^|;\s*)hj_csrf=([^;]+)/.exec(cookie)
  return m ? { 'X-CSRF-Token': decodeURIComponent(m[1]!) } : {}
}
