import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** The current time, refreshed every `intervalMs` while the component is mounted. */
export function useClock(intervalMs = 1000): Ref<Date> {
  const now = ref(new Date())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    now.value = new Date()
    timer = setInterval(() => (now.value = new Date()), intervalMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
