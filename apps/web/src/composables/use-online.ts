import { onBeforeUnmount, onMounted, ref } from 'vue'

/** navigator.onLine as a ref, with a callback when the device comes back online. */
export function useOnline(onBack?: () => void) {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const up = () => {
    online.value = true
    onBack?.()
  }
  const down = () => {
    online.value = false
  }
  onMounted(() => {
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', up)
    window.removeEventListener('offline', down)
  })
  return { online }
}
