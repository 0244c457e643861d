import { describe, expect, it } from 'vitest'
import { addressRange, parseWebhookAllowHosts, pinnedLookup, resolveWebhookTarget, WebhookAddressRefused } from './address-policy.ts'

type Answer = { address: string; family: number }[]
const fakeDns = (table: Record<string, Answer>) =>
  async (host: string): Promise<Answer> => {
    const a = table[host]
    if (!a) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    return a
  }

describe('webhook address policy', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast, unspecified and metadata addresses, v4 and v6', () => {
    const refused = [
      '127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1',
      '100.100.100.200', '224.0.0.1', '0.0.0.0', '255.255.255.255',
      '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
      '::ffff:7f00:1', '64:ff9b::a00:1', 'fec0::1', '2002:7f00:1::',
    ]
    for (const ip of refused) expect(addressRange(ip), ip).not.toBeNull()
    for (const ip of ['8.8.8.8', '114.114.114.114', '2400:3200::1', '::ffff:8.8.8.8']) expect(addressRange(ip), ip).toBeNull()
  })

  it('reads the allow-list: host names, addresses, CIDR blocks; refuses anything else', () => {
    expect(parseWebhookAllowHosts(' Hooks.Internal.example , 127.0.0.1, 10.0.0.0/8 ,[::1], fd00::/8')).toEqual([
      'hooks.internal.example', '127.0.0.1/32', '10.0.0.0/8', '::1/128', 'fd00::/8',
    ])
    expect(parseWebhookAllowHosts('')).toEqual([])
    expect(() => parseWebhookAllowHosts('10.0.0.0/33')).toThrow(/not a host name, address or CIDR block/)
    expect(() => parseWebhookAllowHosts('http://x')).toThrow(/not a host name/)
  })

  it('resolves the host and refuses when any answer is not allowed; the allow-list lets named hosts through', async () => {
    const dns = fakeDns({
      'evil.example': [{ address: '127.0.0.1', family: 4 }],
      'mixed.example': [{ address: '8.8.8.8', family: 4 }, { address: '10.0.0.5', family: 4 }],
      'ok.example': [{ address: '8.8.4.4', family: 4 }],
      'hooks.internal.example': [{ address: '10.9.9.9', family: 4 }],
    })
    await expect(resolveWebhookTarget('evil.example', [], dns)).rejects.toMatchObject({ range: 'loopback' })
    await expect(resolveWebhookTarget('mixed.example', [], dns)).rejects.toBeInstanceOf(WebhookAddressRefused)
    await expect(resolveWebhookTarget('[::1]', [], dns)).rejects.toMatchObject({ range: 'loopback' })
    await expect(resolveWebhookTarget('169.254.169.254', [], dns)).rejects.toMatchObject({ range: 'linkLocal' })
    await expect(resolveWebhookTarget('nowhere.example', [], dns)).rejects.toMatchObject({ reason: 'unresolvable' })
    expect(await resolveWebhookTarget('ok.example', [], dns)).toEqual([{ address: '8.8.4.4', family: 4 }])
    expect(await resolveWebhookTarget('hooks.internal.example', ['hooks.internal.example'], dns)).toHaveLength(1)
    expect(await resolveWebhookTarget('evil.example', ['127.0.0.0/8'], dns)).toHaveLength(1)
    expect(await resolveWebhookTarget('127.0.0.1', ['127.0.0.1/32'], dns)).toHaveLength(1)
    await expect(resolveWebhookTarget('127.0.0.2', ['127.0.0.1/32'], dns)).rejects.toBeInstanceOf(WebhookAddressRefused)
  })

  it('the connection uses the checked answer: a second, different answer (DNS rebinding) is never asked for', async () => {
    let asked = 0
    const answers: Answer[] = [[{ address: '8.8.8.8', family: 4 }], [{ address: '127.0.0.1', family: 4 }]]
    const lookup = pinnedLookup([], async () => answers[asked++]!)
    const got = await new Promise<unknown>((resolve, reject) =>
      lookup('rebind.example', { all: true }, (err, addrs) => (err ? reject(err) : resolve(addrs))),
    )
    expect(got).toEqual([{ address: '8.8.8.8', family: 4 }])
    const one = await new Promise<unknown>((resolve) => lookup('rebind.example', {}, (err) => resolve(err)))
    expect(one).toBeInstanceOf(WebhookAddressRefused)
    expect(asked).toBe(2)
  })
})
