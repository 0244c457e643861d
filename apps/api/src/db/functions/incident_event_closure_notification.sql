-- Source of incident_event_closure_notification(); first created in 0020_cluster_reopen_notifications.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION incident_event_closure_notification() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inc record;
  u text;
  r text;
  nid bigint;
BEGIN
  IF current_setting('hanjiang.bulk_history', true) = 'on' THEN
    RETURN NULL;
  END IF;
  SELECT code, state, unit_code, fine_class, track INTO inc FROM incident WHERE id = NEW.incident_id;
  IF NEW.to_state IS DISTINCT FROM inc.state THEN
    RETURN NULL;
  END IF;
  u := coalesce(inc.unit_code, 'command_center');
  IF inc.unit_code IS NULL THEN
    r := 'dispatcher';
  END IF;
  INSERT INTO notification (event_id, incident_id, incident_code, kind, unit_code, role, region_code, user_id, at, data)
  VALUES (NEW.id, NEW.incident_id, inc.code, CASE WHEN NEW.action = 'primaryReopened' THEN 'reopen' ELSE 'closure' END,
          u, r, NULL, NULL, NEW.at,
          jsonb_strip_nulls(jsonb_build_object(
            'action', NEW.action, 'rule', NEW.data->>'rule', 'message', NEW.data->'message',
            'primaryCode', NEW.data->>'primaryCode', 'fineClass', inc.fine_class, 'track', inc.track,
            'unitCode', inc.unit_code, 'state', NEW.to_state)))
  RETURNING id INTO nid;
  INSERT INTO webhook_delivery (webhook_id, notification_id, due_at)
  SELECT w.id, nid, NEW.at FROM unit_webhook w WHERE w.active AND w.unit_code = u;
  RETURN NULL;
END
$$;
