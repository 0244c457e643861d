-- Working minutes between two instants: the overlap of [a, b) with the office hours (08:30–17:30 Shanghai, the
-- default of packages/shared calendar/officeHours.ts) of every working day — a weekday that the admin calendar
-- does not mark a holiday, or a make-up workday. Used for the handling time of the analytics rollup; a calendar
-- edit changes past figures only after `npm run analytics:rebuild` (docs/ANALYTICS.md).
CREATE FUNCTION working_minutes_between(a timestamptz, b timestamptz) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT coalesce(round(sum(greatest(0, extract(epoch FROM
           least(b, (x.d + time '17:30') AT TIME ZONE 'Asia/Shanghai')
         - greatest(a, (x.d + time '08:30') AT TIME ZONE 'Asia/Shanghai')) / 60)))::int, 0)
  FROM generate_series((a AT TIME ZONE 'Asia/Shanghai')::date, (b AT TIME ZONE 'Asia/Shanghai')::date, interval '1 day') AS g(t)
  CROSS JOIN LATERAL (SELECT g.t::date AS d) x
  LEFT JOIN calendar_day c ON c.date = x.d
  WHERE a IS NOT NULL AND b IS NOT NULL AND a < b
    AND (c.kind = 'workday' OR (c.kind IS NULL AND extract(isodow FROM x.d) < 6))
$$;--> statement-breakpoint
-- The analytics rollup (docs/ANALYTICS.md): one row per Shanghai reporting day × place × class × unit × channel ×
-- request type × track × current state × overdue, with additive measures. Kept exact by the trigger below on every
-- incident write (services, timer worker, demo seed alike); '' stands for "none" in the key columns so the key is
-- one plain unique index.
CREATE TABLE "incident_rollup" (
	"day" date NOT NULL,
	"street_code" text NOT NULL,
	"community_code" text NOT NULL,
	"grid_code" text NOT NULL,
	"fine_class" text NOT NULL,
	"unit_code" text NOT NULL,
	"channel" text NOT NULL,
	"request_type" text NOT NULL,
	"track" text NOT NULL,
	"state" text NOT NULL,
	"overdue" boolean NOT NULL,
	"n" integer NOT NULL,
	"handled_n" integer NOT NULL,
	"handling_minutes" bigint NOT NULL,
	"rework_n" integer NOT NULL,
	"reopen_n" integer NOT NULL,
	"escalated_n" integer NOT NULL,
	"hazard_n" integer NOT NULL,
	"satisfied_n" integer NOT NULL,
	"basically_satisfied_n" integer NOT NULL,
	"not_satisfied_n" integer NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "incident_rollup_key_uq" ON "incident_rollup" USING btree
  ("day","street_code","community_code","grid_code","fine_class","unit_code","channel","request_type","track","state","overdue");--> statement-breakpoint
CREATE INDEX "incident_rollup_unit_day_idx" ON "incident_rollup" USING btree ("unit_code","day");--> statement-breakpoint
CREATE INDEX "incident_rollup_class_day_idx" ON "incident_rollup" USING btree ("fine_class","day");--> statement-breakpoint
-- Adds `sign` × one incident row's contribution. Rows that fall to zero are removed, so the table holds only live keys.
CREATE FUNCTION incident_rollup_apply(r incident, sign integer) RETURNS void LANGUAGE plpgsql AS $$
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
END $$;--> statement-breakpoint
-- Subtracts the old row's contribution and adds the new one's, in the key's order so that two transactions moving
-- incidents between the same two keys take the row locks in the same order (no deadlock).
CREATE FUNCTION incident_rollup_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM incident_rollup_apply(NEW, 1); RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN PERFORM incident_rollup_apply(OLD, -1); RETURN NULL; END IF;
  IF (OLD.created_at, OLD.street_code, OLD.community_code, OLD.grid_code, OLD.fine_class, OLD.unit_code, OLD.channel,
      OLD.request_type, OLD.track, OLD.state, OLD.overdue_at IS NULL, OLD.dispatched_at, OLD.resolved_at,
      OLD.rework_count > 0, OLD.reopen_count > 0, OLD.escalation_level > 0, OLD.safety_hazard, OLD.satisfaction)
     IS NOT DISTINCT FROM
     (NEW.created_at, NEW.street_code, NEW.community_code, NEW.grid_code, NEW.fine_class, NEW.unit_code, NEW.channel,
      NEW.request_type, NEW.track, NEW.state, NEW.overdue_at IS NULL, NEW.dispatched_at, NEW.resolved_at,
      NEW.rework_count > 0, NEW.reopen_count > 0, NEW.escalation_level > 0, NEW.safety_hazard, NEW.satisfaction) THEN
    RETURN NULL;
  END IF;
  old_key := concat_ws('|', (OLD.created_at AT TIME ZONE 'Asia/Shanghai')::date, OLD.street_code, OLD.community_code,
    OLD.grid_code, OLD.fine_class, OLD.unit_code, OLD.channel, OLD.request_type, OLD.track, OLD.state, OLD.overdue_at IS NULL);
  new_key := concat_ws('|', (NEW.created_at AT TIME ZONE 'Asia/Shanghai')::date, NEW.street_code, NEW.community_code,
    NEW.grid_code, NEW.fine_class, NEW.unit_code, NEW.channel, NEW.request_type, NEW.track, NEW.state, NEW.overdue_at IS NULL);
  IF old_key <= new_key THEN
    PERFORM incident_rollup_apply(OLD, -1);
    PERFORM incident_rollup_apply(NEW, 1);
  ELSE
    PERFORM incident_rollup_apply(NEW, 1);
    PERFORM incident_rollup_apply(OLD, -1);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER incident_rollup_trg AFTER INSERT OR UPDATE OR DELETE ON incident FOR EACH ROW
  EXECUTE FUNCTION incident_rollup_sync();--> statement-breakpoint
-- Recomputes the whole rollup from the incident table in one statement (npm run analytics:rebuild); returns the rows.
CREATE FUNCTION incident_rollup_rebuild() RETURNS integer LANGUAGE plpgsql AS $$
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
END $$;--> statement-breakpoint
SELECT incident_rollup_rebuild();
