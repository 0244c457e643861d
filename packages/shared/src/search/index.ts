export * from './tokenize.ts'
export * from './bm25.ts'
export * from './metrics.ts'
