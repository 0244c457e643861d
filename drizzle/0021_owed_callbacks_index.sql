ALTER TABLE "incident" ADD COLUMN "satisfaction_at" timestamp with time zone;--> statement-breakpoint
-- The latest satisfaction heard for an incident — a callback (回访) that recorded one, or the reporter's own
-- rating — kept by the database on every event insert (services, the demo seed's bulk history alike), so the
-- desk's owed-callback list reads the closed reports still owed from a partial index instead of probing the log
-- of every closed report ever made (153 ms with 92,000 of them; repositories/owed-callbacks.ts).
CREATE FUNCTION incident_event_satisfaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident SET satisfaction_at = NEW.at
  WHERE id = NEW.incident_id AND (satisfaction_at IS NULL OR satisfaction_at < NEW.at);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER incident_event_satisfaction_trg AFTER INSERT ON incident_event FOR EACH ROW
  WHEN (NEW.action = 'rate' OR (NEW.action = 'callback' AND NEW.data ->> 'satisfaction' IS NOT NULL))
  EXECUTE FUNCTION incident_event_satisfaction();--> statement-breakpoint
UPDATE incident i SET satisfaction_at = s.at
FROM (
  SELECT incident_id, max(at) AS at FROM incident_event
  WHERE action = 'rate' OR (action = 'callback' AND data ->> 'satisfaction' IS NOT NULL)
  GROUP BY incident_id
) s
WHERE s.incident_id = i.id;--> statement-breakpoint
CREATE INDEX "incident_owed_satisfaction_idx" ON "incident" USING btree ("closed_at") WHERE state = 'closed' AND reporter_phone ~ '[0-9+]' AND (satisfaction_at IS NULL OR satisfaction_at < closed_at);
