-- Source of incident_event_notification(); first created in 0013_notifications_current_work.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION incident_event_notification() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inc record;
  k text;
  u text;
  r text;
  reg text;
  usr text;
  nid bigint;
BEGIN
  SELECT code, state, unit_code, grid_code, fine_class, track INTO inc FROM incident WHERE id = NEW.incident_id;
  IF NEW.to_state IS DISTINCT FROM inc.state THEN
    RETURN NULL;
  END IF;
  IF NEW.action IN ('dispatch', 'redispatch') THEN
    k := 'assignment'; u := inc.unit_code;
  ELSIF NEW.action = 'assign' THEN
    k := 'assignment'; u := coalesce(NEW.data->>'sectionCode', inc.unit_code); usr := NEW.data->>'assignee';
  ELSIF NEW.action = 'urge' THEN
    k := 'urge'; u := coalesce(NEW.data->'to'->>'unitCode', inc.unit_code); r := NEW.data->'to'->>'role';
  ELSIF NEW.action = 'supervise' THEN
    k := 'supervision'; u := NEW.data->'to'->>'unitCode'; r := NEW.data->'to'->>'role';
  ELSIF NEW.action = 'resolve' THEN
    k := 'verification'; r := 'inspector'; reg := inc.grid_code;
  ELSE
    RETURN NULL;
  END IF;
  INSERT INTO notification (event_id, incident_id, incident_code, kind, unit_code, role, region_code, user_id, at, data)
  VALUES (NEW.id, NEW.incident_id, inc.code, k, u, r, reg, usr, NEW.at,
          jsonb_strip_nulls(jsonb_build_object(
            'action', NEW.action, 'rule', NEW.data->>'rule', 'level', NEW.data->'level', 'message', NEW.data->'message',
            'fineClass', inc.fine_class, 'track', inc.track, 'unitCode', inc.unit_code, 'state', NEW.to_state)))
  RETURNING id INTO nid;
  IF u IS NOT NULL THEN
    INSERT INTO webhook_delivery (webhook_id, notification_id, due_at)
    SELECT w.id, nid, NEW.at FROM unit_webhook w WHERE w.active AND w.unit_code = u;
  END IF;
  RETURN NULL;
END
$$;
