ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_ck";--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_ck" CHECK ("notification"."kind" IN ('assignment','urge','supervision','verification','closure'));
--> statement-breakpoint
-- R9 一诉一整改: closing a cluster's primary answers every merged report. The workflow appends one
-- `primaryClosed` event to each member in the closing transaction (services/clusters/answer-members.ts); this
-- trigger turns each into a `closure` notification in the same transaction: for the member's unit when it has
-- one, else for the command center's dispatchers (members are merged at the center, which answers their
-- reporters). Same rule as the other bells: only for current work (the event is the member's current state),
-- and never for history written in bulk (the demo seed sets hanjiang.bulk_history for its inserts).
-- A separate function and trigger, so the rule table of incident_event_notification() stays as it was.
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
  VALUES (NEW.id, NEW.incident_id, inc.code, 'closure', u, r, NULL, NULL, NEW.at,
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
  FOR EACH ROW WHEN (NEW.action IN ('primaryClosed'))
  EXECUTE FUNCTION incident_event_closure_notification();
