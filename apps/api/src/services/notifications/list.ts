import type { AppNotification } from '@hanjiang/shared/contract'
import { countUnread, listNotifications, markRead } from '../../db/repositories/notifications.ts'
import type { Database } from '../../db/types.ts'
import type { WorkActor } from '../../http/work-actor.ts'
import { readerOf } from './reader.ts'

/** The caller's notifications, newest first, with the unread count (the bell). */
export async function listMyNotifications(
  database: Database,
  actor: WorkActor,
  opts: { unreadOnly: boolean; limit: number },
): Promise<{ unread: number; items: AppNotification[] }> {
  const reader = readerOf(actor)
  const [items, unread] = await Promise.all([listNotifications(database, reader, opts), countUnread(database, reader)])
  // kind and data are written by the notification trigger from NOTIFICATION_RULES (packages/shared).
  return { unread, items: items as AppNotification[] }
}

export async function unreadCount(database: Database, actor: WorkActor): Promise<{ unread: number }> {
  return { unread: await countUnread(database, readerOf(actor)) }
}

/** Marks read (these ids, or all); answers how many changed and the unread count left. */
export async function markNotificationsRead(database: Database, actor: WorkActor, ids: number[] | 'all') {
  const reader = readerOf(actor)
  const marked = await markRead(database, reader, ids, new Date())
  return { marked, unread: await countUnread(database, reader) }
}
