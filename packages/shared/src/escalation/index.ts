export * from './decide.ts'
export * from './running.ts'
