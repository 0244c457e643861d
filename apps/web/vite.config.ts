/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { precompress } from './build/precompress.ts'

// The web app: one SPA served by the API process in production (apps/web/dist) and by Vite in development,
// where `/api` is proxied to the API on :8080. Everything is bundled: the intranet has no CDN.
export default defineConfig({
  plugins: [vue(), precompress()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // MapLibre is big and changes rarely: its own chunk caches well across app releases.
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }],
        },
      },
    },
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // The taxonomy the app loads from GET /api/taxonomy: component tests start with the seed's.
    setupFiles: ['src/testing/taxonomy-setup.ts'],
  },
})
