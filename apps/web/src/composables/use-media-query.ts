import { onScopeDispose, ref, type Ref } from 'vue'

/** Whether a CSS media query matches, kept up to date (false where `matchMedia` is missing, as in jsdom). */
export function useMediaQuery(query: string): Ref<boolean> {
  const mql = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null
  const matches = ref(mql?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => (matches.value = e.matches)
  mql?.addEventListener('change', onChange)
  onScopeDispose(() => mql?.removeEventListener('change', onChange))
  return matches
}

/** The phone layout of the map page (layer drawer, panels as a bottom sheet): keep in step with MapView's CSS. */
export const NARROW_QUERY = '(max-width: 640px)'
