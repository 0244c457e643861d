import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n/index.ts'
import { applyLocale } from './composables/use-locale.ts'
import { createAppRouter } from './router.ts'
import './styles/base.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(createAppRouter())
applyLocale(i18n.global.locale.value)
app.mount('#app')
