export * from './decide.ts'
export * from './running.ts'
export * from './auto-dispatch.ts'
