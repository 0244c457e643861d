ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_ck";--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_ck" CHECK ("notification"."kind" IN ('assignment','urge','supervision','verification','closure','reopen'));--> statement-breakpoint
-- R9 the other way round: reopening a cluster's primary (after a bad callback) appends one `primaryReopened`
-- event to each member in the reopening transaction (services/clusters/tell-members-reopened.ts). The closure
-- trigger of 0016 now rings for it too, with the same audience (the member's unit, else the command center's
-- dispatchers) and the same skips (not the member's current state, history written in bulk), as kind `reopen`.
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
--> statement-breakpoint
DROP TRIGGER IF EXISTS incident_event_closure_notification ON incident_event;
--> statement-breakpoint
CREATE TRIGGER incident_event_closure_notification AFTER INSERT ON incident_event
  FOR EACH ROW WHEN (NEW.action IN ('primaryClosed', 'primaryReopened'))
  EXECUTE FUNCTION incident_event_closure_notification();
