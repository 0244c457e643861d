import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane): ~20–40 ms per hash on this class of
 * machine — slow for an offline guesser, fast enough that sign-in stays interactive.
 */
// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A hash to verify against when the user does not exist, so both answers take the same time. */
let dummy: Promise<string> | undefined
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomToken()))

/** 256 random bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url')

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
