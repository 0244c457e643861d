export * from './regions.ts'
export * from './units.ts'
export * from './taxonomy.ts'
export * from './responsibility.ts'
