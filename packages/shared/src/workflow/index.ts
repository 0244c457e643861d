export * from './states.ts'
export * from './table.ts'
export * from './messages.ts'
export * from './check.ts'
