import { onBeforeUnmount, onMounted, ref } from 'vue'

/** The wall's design size: everything is laid out for 1920×1080 and scaled with the viewport. */
export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

/** How much larger than the design size the viewport is (the smaller of both ratios), within 0.5–4. */
export function viewportScale(width: number, height: number): number {
  const s = Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT)
  return Math.max(0.5, Math.min(4, Math.round(s * 1000) / 1000))
}

/** The current viewport scale, kept up to date on resize (a wall PC switching resolution, a window being sized). */
export function useViewportScale() {
  const scale = ref(viewportScale(window.innerWidth, window.innerHeight))
  const update = () => (scale.value = viewportScale(window.innerWidth, window.innerHeight))
  onMounted(() => window.addEventListener('resize', update))
  onBeforeUnmount(() => window.removeEventListener('resize', update))
  return { scale }
}
