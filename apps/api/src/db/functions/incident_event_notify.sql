-- Source of incident_event_notify(); first created in 0007_incident_event_notify.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION incident_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- 7347291835: this doorbell's advisory lock key (transaction-scoped, never waited for).
  IF pg_try_advisory_xact_lock(7347291835) THEN
    PERFORM pg_notify('incident_event', json_build_object('id', NEW.id, 'incidentId', NEW.incident_id)::text);
  END IF;
  RETURN NULL;
END
$$;
