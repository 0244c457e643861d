import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n/index.ts'
import { applyLocale } from './composables/use-locale.ts'
import { createAppRouter, legacyHashTarget } from './router.ts'
import { installAuthGuard } from './router-guard.ts'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
// Links and bookmarks from the hash-route days (`/#/wall`) open the same screen at its real URL.
const legacy = legacyHashTarget(window.location)
if (legacy) window.history.replaceState(null, '', legacy)
const router = createAppRouter()
// Installed here, not in createAppRouter, so component tests can route freely without a session.
installAuthGuard(router)
app.use(router)
applyLocale(i18n.global.locale.value)
app.mount('#app')
