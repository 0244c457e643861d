export * from './localDate.ts'
export * from './shanghai.ts'
