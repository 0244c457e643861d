-- Source of incident_rollup_sync(); first created in 0026_incident_rollup.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION incident_rollup_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
END $$;
