/// <reference types="vite/client" />

// Strict template checking rejects attributes not in Vue's DOM typings; `data-*` (test ids, state hooks) is valid HTML.
declare module '@vue/runtime-dom' {
  interface HTMLAttributes {
    [key: `data-${string}`]: unknown
  }
}

export {}
