/** The bell's live stream reads: the unread count and the notifications new events made for a reader. */
export { countUnread, notificationsOfEvents } from '../../db/repositories/notifications.ts'
