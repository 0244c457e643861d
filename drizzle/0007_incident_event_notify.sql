-- Live updates (DESIGN §8): appending to the incident event log rings a doorbell on the `incident_event`
-- channel, from the database itself, so no code path can forget to. Payload: {"id", "incidentId"} of the row.
--
-- NOTIFY serialises the commits of notifying transactions (PostgreSQL holds a database-wide lock from
-- pre-commit until after the commit record is flushed, to keep the queue in commit order). One NOTIFY per
-- intake would cap intake at one commit flush at a time (measured: ~4x fewer incidents/s on 2 cores,
-- DESIGN §9 wants 1,500/s). So only one transaction at a time rings: the one that gets the advisory lock;
-- the others commit without NOTIFY. Listeners do not rely on the payload: a doorbell (or a short poll, for
-- commits that did not ring) makes them read `incident_event` after the last id they have, so nothing is
-- missed either way.
CREATE OR REPLACE FUNCTION incident_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- 7347291835: this doorbell's advisory lock key (transaction-scoped, never waited for).
  IF pg_try_advisory_xact_lock(7347291835) THEN
    PERFORM pg_notify('incident_event', json_build_object('id', NEW.id, 'incidentId', NEW.incident_id)::text);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS incident_event_notify ON incident_event;
--> statement-breakpoint
CREATE TRIGGER incident_event_notify AFTER INSERT ON incident_event
  FOR EACH ROW EXECUTE FUNCTION incident_event_notify();
