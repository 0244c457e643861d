-- Source of working_minutes_between(); first created in 0026_incident_rollup.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION working_minutes_between(a timestamptz, b timestamptz) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT coalesce(round(sum(greatest(0, extract(epoch FROM
           least(b, (x.d + time '17:30') AT TIME ZONE 'Asia/Shanghai')
         - greatest(a, (x.d + time '08:30') AT TIME ZONE 'Asia/Shanghai')) / 60)))::int, 0)
  FROM generate_series((a AT TIME ZONE 'Asia/Shanghai')::date, (b AT TIME ZONE 'Asia/Shanghai')::date, interval '1 day') AS g(t)
  CROSS JOIN LATERAL (SELECT g.t::date AS d) x
  LEFT JOIN calendar_day c ON c.date = x.d
  WHERE a IS NOT NULL AND b IS NOT NULL AND a < b
    AND (c.kind = 'workday' OR (c.kind IS NULL AND extract(isodow FROM x.d) < 6))
$$;
