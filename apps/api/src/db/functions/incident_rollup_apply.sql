-- Source of incident_rollup_apply(); first created in 0026_incident_rollup.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION incident_rollup_apply(r incident, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k_day date := (r.created_at AT TIME ZONE 'Asia/Shanghai')::date;
  k_overdue boolean := r.overdue_at IS NOT NULL;
  handled boolean := r.dispatched_at IS NOT NULL AND r.resolved_at IS NOT NULL;
BEGIN
  INSERT INTO incident_rollup AS u (day, street_code, community_code, grid_code, fine_class, unit_code, channel, request_type,
    track, state, overdue, n, handled_n, handling_minutes, rework_n, reopen_n, escalated_n, hazard_n, satisfied_n,
    basically_satisfied_n, not_satisfied_n)
  VALUES (k_day, coalesce(r.street_code, ''), coalesce(r.community_code, ''), coalesce(r.grid_code, ''),
    coalesce(r.fine_class, ''), coalesce(r.unit_code, ''), r.channel, r.request_type, r.track, r.state, k_overdue,
    sign, sign * handled::int,
    CASE WHEN handled THEN sign * working_minutes_between(r.dispatched_at, r.resolved_at) ELSE 0 END,
    sign * (r.rework_count > 0)::int, sign * (r.reopen_count > 0)::int, sign * (r.escalation_level > 0)::int,
    sign * r.safety_hazard::int, sign * coalesce(r.satisfaction = 'satisfied', false)::int,
    sign * coalesce(r.satisfaction = 'basically_satisfied', false)::int, sign * coalesce(r.satisfaction = 'not_satisfied', false)::int)
  ON CONFLICT (day, street_code, community_code, grid_code, fine_class, unit_code, channel, request_type, track, state, overdue)
  DO UPDATE SET n = u.n + EXCLUDED.n, handled_n = u.handled_n + EXCLUDED.handled_n,
    handling_minutes = u.handling_minutes + EXCLUDED.handling_minutes, rework_n = u.rework_n + EXCLUDED.rework_n,
    reopen_n = u.reopen_n + EXCLUDED.reopen_n, escalated_n = u.escalated_n + EXCLUDED.escalated_n,
    hazard_n = u.hazard_n + EXCLUDED.hazard_n, satisfied_n = u.satisfied_n + EXCLUDED.satisfied_n,
    basically_satisfied_n = u.basically_satisfied_n + EXCLUDED.basically_satisfied_n,
    not_satisfied_n = u.not_satisfied_n + EXCLUDED.not_satisfied_n;
  IF sign < 0 THEN
    DELETE FROM incident_rollup
    WHERE day = k_day AND street_code = coalesce(r.street_code, '') AND community_code = coalesce(r.community_code, '')
      AND grid_code = coalesce(r.grid_code, '') AND fine_class = coalesce(r.fine_class, '')
      AND unit_code = coalesce(r.unit_code, '') AND channel = r.channel AND request_type = r.request_type
      AND track = r.track AND state = r.state AND overdue = k_overdue AND n = 0;
  END IF;
END $$;
