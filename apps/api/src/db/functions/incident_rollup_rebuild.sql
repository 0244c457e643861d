-- Source of incident_rollup_rebuild(); first created in 0026_incident_rollup.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION incident_rollup_rebuild() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  rows integer;
BEGIN
  LOCK TABLE incident_rollup IN EXCLUSIVE MODE;
  DELETE FROM incident_rollup;
  INSERT INTO incident_rollup (day, street_code, community_code, grid_code, fine_class, unit_code, channel, request_type,
    track, state, overdue, n, handled_n, handling_minutes, rework_n, reopen_n, escalated_n, hazard_n, satisfied_n,
    basically_satisfied_n, not_satisfied_n)
  SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date, coalesce(street_code, ''), coalesce(community_code, ''),
    coalesce(grid_code, ''), coalesce(fine_class, ''), coalesce(unit_code, ''), channel, request_type, track, state,
    overdue_at IS NOT NULL, count(*),
    count(*) FILTER (WHERE dispatched_at IS NOT NULL AND resolved_at IS NOT NULL),
    coalesce(sum(working_minutes_between(dispatched_at, resolved_at)) FILTER (WHERE dispatched_at IS NOT NULL AND resolved_at IS NOT NULL), 0),
    count(*) FILTER (WHERE rework_count > 0), count(*) FILTER (WHERE reopen_count > 0),
    count(*) FILTER (WHERE escalation_level > 0), count(*) FILTER (WHERE safety_hazard),
    count(*) FILTER (WHERE satisfaction = 'satisfied'), count(*) FILTER (WHERE satisfaction = 'basically_satisfied'),
    count(*) FILTER (WHERE satisfaction = 'not_satisfied')
  FROM incident
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
  GET DIAGNOSTICS rows = ROW_COUNT;
  RETURN rows;
END $$;
