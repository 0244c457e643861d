import { beforeEach, describe, expect, it } from 'vitest'
import { me, signIn } from '../testing/auth-fixtures.ts'
import { freshPinia, mountApp } from '../testing/utils.ts'
import ForbiddenView from './ForbiddenView.vue'

beforeEach(() => {
  freshPinia()
  signIn(me('dispatcher'))
})

describe('ForbiddenView', () => {
  it('names the roles and the missing permission, in both languages', async () => {
    const zh = await mountApp(ForbiddenView, { path: '/forbidden?need=audit.read&path=/audit' })
    expect(zh.wrapper.text()).toContain('您的角色（指挥中心坐席）没有“查看审计日志”权限')
    zh.wrapper.unmount()
    const en = await mountApp(ForbiddenView, { path: '/forbidden?need=user.manage', locale: 'en' })
    expect(en.wrapper.text()).toContain('Your roles (Command-center dispatcher) do not include “manage users”')
    en.wrapper.unmount()
  })
})
