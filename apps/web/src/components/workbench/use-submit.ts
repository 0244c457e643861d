import { ref } from 'vue'
import { describeApiFailure } from './failure.ts'

/**
 * A dialog's submit: `busy` while the action runs (buttons disabled, spinner), `error` the readable message of a
 * failed request; the dialog's own checks set `error` themselves before calling `run`.
 */
export function useSubmit() {
  const busy = ref(false)
  const error = ref<string | null>(null)
  async function run(action: () => Promise<void>): Promise<void> {
    busy.value = true
    error.value = null
    try {
      await action()
    } catch (e) {
      error.value = describeApiFailure(e)
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
