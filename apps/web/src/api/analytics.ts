import type {
  AnalyticsSummary, ChoroplethAnswer, DrillAnswer, HeatmapAnswer, HexAnswer, HotspotAnswer, TimeseriesAnswer,
} from '@hanjiang/shared/analytics/index'
import { api, buildUrl, type ApiClient } from './client.ts'

/** GET /api/analytics/* (apps/api/src/routes/analytics.ts); answer types live in packages/shared. */
export type { AnalyticsSummary, ChoroplethAnswer, DrillAnswer, HeatmapAnswer, HexAnswer, HotspotAnswer, TimeseriesAnswer }
type Q = Record<string, string | number>

export const analyticsApi = (client: ApiClient = api) => ({
  summary: (q: Q) => client.get<AnalyticsSummary>('/api/analytics/summary', { query: q }),
  choropleth: (q: Q) => client.get<ChoroplethAnswer>('/api/analytics/choropleth', { query: q }),
  heatmap: (q: Q) => client.get<HeatmapAnswer>('/api/analytics/heatmap', { query: q }),
  hexbins: (q: Q) => client.get<HexAnswer>('/api/analytics/hexbins', { query: q }),
  hotspots: (q: Q) => client.get<HotspotAnswer>('/api/analytics/hotspots', { query: q }),
  timeseries: (q: Q) => client.get<TimeseriesAnswer>('/api/analytics/timeseries', { query: q }),
  incidents: (q: Q) => client.get<DrillAnswer>('/api/analytics/incidents', { query: q }),
})

/** A download link for the table behind a view. */
export const exportUrl = (q: Q) => buildUrl('', '/api/analytics/export', q)
