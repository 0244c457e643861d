export * from './types.ts'
export * from './workingCalendar.ts'
export * from './officeHours.ts'
export * from './years/index.ts'
