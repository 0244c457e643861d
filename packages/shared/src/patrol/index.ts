export * from './track.ts'
export * from './routes.ts'
