import { Hono } from 'hono'
import type { AppDeps } from '../http/context.ts'
import { describe, json } from '../http/openapi.ts'
import { appConfigSchema } from '@hanjiang/shared/contract'

/** Source data licences the app must credit wherever the map is shown. */
export const ATTRIBUTION = [
  '边界 Boundary: Vonng/adcode, CC BY 4.0',
  '区划代码 Division codes: liyanjie2048/AdministrativeDivisionCn, MIT',
  '街镇/社区/网格边界为演示用合成数据 Street, community and grid areas are synthetic demo data',
]

export function configRoutes({ config }: AppDeps) {
  return new Hono().get('/config', describe({ tag: 'system', summary: 'Client configuration: basemaps, attribution, demo', responses: { 200: json(appConfigSchema) } }), (c) =>
    c.json({ basemaps: config.basemaps.map(({ file: _file, ...b }) => b), attribution: ATTRIBUTION, demo: config.demo }),
  )
}
