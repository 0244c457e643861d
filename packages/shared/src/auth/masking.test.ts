import { describe, expect, it } from 'vitest'
import { maskName, maskPhone, maskReporter } from './masking.ts'

describe('masking', () => {
  it('phones keep the first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('138 1234 1234')).toBe('138****1234')
    expect(maskPhone('0594-2345678')).toBe('059****5678')
    expect(maskPhone('12345')).toBe('*****')
    expect(maskPhone(null)).toBeNull()
  })
  it('names keep the first character, at most three stars', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('Alexander Hamilton')).toBe('A***')
    expect(maskName('李')).toBe('*')
    expect(maskName(' ')).toBe('')
    expect(maskName(undefined)).toBeNull()
  })
  it('a reporter is masked field by field', () => {
    expect(maskReporter({ name: '张三', phone: '13812341234' })).toEqual({ name: '张*', phone: '138****1234' })
  })
})
