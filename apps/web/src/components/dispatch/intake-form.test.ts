import { describe, expect, it } from 'vitest'
import { intakeBody, validateIntake, type IntakeFields } from './intake-form.ts'

const base: IntakeFields = {
  channel: 'hotline_12345',
  callerName: '',
  callerPhone: '',
  requestType: 'complaint',
  track: 'normal',
  description: '路灯不亮',
  fineClass: null,
  address: '',
  location: null,
}

describe('intake validation', () => {
  it('needs a description and a phone number that looks like one', () => {
    expect(validateIntake(base)).toEqual({})
    expect(validateIntake({ ...base, description: '  ' })).toEqual({ description: 'intake.errors.descriptionRequired' })
    expect(validateIntake({ ...base, callerPhone: 'abc' })).toEqual({ callerPhone: 'intake.errors.phone' })
    expect(validateIntake({ ...base, callerPhone: '0594-2345678' })).toEqual({})
  })

  it('needs a location for a classified or urgent call (assignment is by location)', () => {
    expect(validateIntake({ ...base, fineClass: '020602' })).toEqual({ location: 'intake.errors.locationRequired' })
    expect(validateIntake({ ...base, track: 'urgent' })).toEqual({ location: 'intake.errors.locationRequired' })
    expect(validateIntake({ ...base, fineClass: '020602', location: { lng: 119.1, lat: 25.4, crs: 'gcj02', via: 'typed' } })).toEqual({})
  })
})

describe('intake body', () => {
  it('sends the point in its own system, the place name as address, trimmed caller fields and the client id', () => {
    const body = intakeBody(
      { ...base, callerName: ' 李先生 ', location: { lng: 119.1, lat: 25.4, crs: 'wgs84', via: 'place', label: '涵东街道' } },
      'cid-1',
    )
    expect(body).toEqual({
      channel: 'hotline_12345',
      requestType: 'complaint',
      track: 'normal',
      fineClass: null,
      location: { lng: 119.1, lat: 25.4, crs: 'wgs84' },
      address: '涵东街道',
      description: '路灯不亮',
      reporter: { name: '李先生', phone: null },
      clientId: 'cid-1',
    })
    expect(intakeBody(base, 'x').reporter).toBeNull()
  })
})
