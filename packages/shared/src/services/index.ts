export * from './vocabulary.ts'
export * from './booking.ts'
export * from './catalogue.ts'
export * from './search.ts'
