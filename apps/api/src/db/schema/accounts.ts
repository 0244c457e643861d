import { sql } from 'drizzle-orm'
import {
  bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core'
import { unit } from './units.ts'

/** A person who signs in (docs/DOMAIN.md §1): belongs to one unit, holds one or more roles, some have areas. */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case: sign-in is case-insensitive on the name. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => unit.code),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(t.username), index('app_user_unit_idx').on(t.unitCode)],
)

export const userRole = pgTable(
  'user_role',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check(
      'user_role_ck',
      sql`${t.role} IN ('admin','dispatcher','inspector','grid_admin','handler','unit_supervisor','efficiency_office','viewer','service_admin')`,
    ),
  ],
)

/** Areas of inspectors and grid admins: a region code and its significant prefix (street 9, community 12, grid 15 digits). */
export const userArea = pgTable(
  'user_area',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    regionCode: varchar('region_code', { length: 15 }).notNull(),
    prefix: varchar('prefix', { length: 15 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionCode] })],
)

/** A cookie session. Only the SHA-256 of the opaque id is stored, so a database read cannot be replayed as a cookie. */
export const userSession = pgTable(
  'user_session',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute timeout: the session ends here however active it is. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_session_user_idx').on(t.userId)],
)

/**
 * Bearer tokens for machine clients: a person's token (user_id: acts as that user), or an API key an administrator
 * issued to a unit for an external system (unit_code, no user: acts only within its scopes, at its rate limit).
 * Only the SHA-256 is stored; `token_prefix` lets an admin recognise a key without it being usable.
 */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').references(() => unit.code),
    /** API_SCOPES (packages/shared/src/auth/api-scopes.ts). */
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(60),
    tokenPrefix: text('token_prefix'),
    useCount: bigint('use_count', { mode: 'number' }).notNull().default(0),
    /** Username of the administrator who issued it. */
    createdBy: text('created_by'),
    /** The key this one replaced (rotation). */
    replacesId: uuid('replaces_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_token_hash_uq').on(t.tokenHash),
    check('api_token_owner_ck', sql`${t.userId} IS NOT NULL OR ${t.unitCode} IS NOT NULL`),
    check('api_token_rate_ck', sql`${t.rateLimitPerMinute} BETWEEN 1 AND 100000`),
    check('api_token_scopes_ck', sql`${t.scopes} <@ ARRAY['open311:write','incidents:read']::text[]`),
  ],
)

/** Who did what to which object from where. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** No foreign key: the row must outlive any change to the user. */
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    role: text('role'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_object_idx').on(t.objectType, t.objectId, t.id),
  ],
)

/**
 * The sign-in throttle per client network (an IPv4 address, an IPv6 /64): failed sign-ins counted in a window
 * that starts with the first failure, shared by every API process. The address is stored as is (not hashed) so
 * an administrator can see and clear a blocked office; rows older than a window are pruned by the sign-ins
 * themselves (db/repositories/sign-in-throttle.ts).
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    address: text('address').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** Failures in the window, plus the sign-ins from the address still being checked. */
    attempts: integer('attempts').notNull(),
  },
  (t) => [index('sign_in_throttle_window_idx').on(t.windowStart)],
)

/**
 * Failed sign-ins in a row per (account, client network): the progressive delay (packages/shared auth/lockout.ts)
 * slows that network's attempts at that account only. A success from the network deletes its row; rows a day
 * past their last failure are pruned by later failures (db/repositories/sign-in-failures.ts).
 */
export const signInFailure = pgTable(
  'sign_in_failure',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'sign_in_failure_pk', columns: [t.userId, t.address] }), index('sign_in_failure_last_idx').on(t.lastFailureAt)],
)
