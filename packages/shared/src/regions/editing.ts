// The grid editor's geometry (docs/GRID-EDITOR.md), one entry point for the web and the API. Kept out of the
// package index so that importing the domain rules does not pull in turf's boolean operations.
export * from './geometry.ts'
export * from './split.ts'
export * from './merge.ts'
export * from './clip.ts'
export * from './holes.ts'
export * from './topology.ts'
export * from './checks.ts'
