import { sql, type SQL } from 'drizzle-orm'

/** A GeoJSON Feature built by PostgreSQL. */
export function featureSql(id: SQL, geometry: SQL, properties: SQL): SQL {
  return sql`json_build_object('type', 'Feature', 'id', ${id}, 'geometry', ${geometry}, 'properties', ${properties})`
}

/**
 * The aggregate that turns rows into one FeatureCollection text (an empty one when there are no rows),
 * so map data goes to the client as PostgreSQL wrote it, never parsed and re-serialised in Node.
 */
export function featureCollectionSql(feature: SQL, orderBy: SQL): SQL {
  return sql`json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(${feature} ORDER BY ${orderBy}), '[]'::json))::text`
}
