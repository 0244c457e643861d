import { pinyin } from 'pinyin-pro'

/**
 * The pinyin initials of an item's name (社会保障卡申领 → shbzksl), for citizens who type initials on a phone
 * keyboard. pinyin-pro picks the reading of polyphonic characters from context (银行 → yh, 行驶 → xs).
 */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}
