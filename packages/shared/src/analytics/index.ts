export * from './classify.ts'
export * from './emerging.ts'
export * from './gistar.ts'
export * from './neighbours.ts'
