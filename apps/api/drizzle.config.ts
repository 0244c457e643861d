import { defineConfig } from 'drizzle-kit'

// Migrations are generated into the repo's drizzle/ folder and applied by the app at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/api/src/db/schema/index.ts',
  out: './drizzle',
})
