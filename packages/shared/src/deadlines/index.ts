export * from './types.ts'
export * from './periods.ts'
export * from './rules.ts'
export * from './extension.ts'
