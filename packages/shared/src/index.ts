export * from './regions/levels.ts'
