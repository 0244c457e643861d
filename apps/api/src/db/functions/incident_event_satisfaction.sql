-- Source of incident_event_satisfaction(); first created in 0021_owed_callbacks_index.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION incident_event_satisfaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident SET satisfaction_at = NEW.at
  WHERE id = NEW.incident_id AND (satisfaction_at IS NULL OR satisfaction_at < NEW.at);
  RETURN NULL;
END $$;
