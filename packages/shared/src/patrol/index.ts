export * from './track.ts'
