-- Evaluation and supervision (docs/EVALUATION.md): score schemes per period, frozen publications, efficiency
-- letters (效能预警函 / 效能督办函) with their append-only log, and unannounced-check records (明察暗访).
CREATE TABLE "evaluation_scheme" (
	"period_key" text PRIMARY KEY NOT NULL,
	"components" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "evaluation_publication" (
	"period_key" text PRIMARY KEY NOT NULL,
	"scheme" jsonb NOT NULL,
	"units" jsonb NOT NULL,
	"streets" jsonb NOT NULL,
	"district" jsonb NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
-- Published figures never change: the row is written once and neither updated nor deleted.
CREATE FUNCTION evaluation_publication_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evaluation_publication rows are frozen once published';
END $$;--> statement-breakpoint
CREATE TRIGGER evaluation_publication_frozen_trg BEFORE UPDATE OR DELETE ON "evaluation_publication"
  FOR EACH ROW EXECUTE FUNCTION evaluation_publication_frozen();--> statement-breakpoint
CREATE TABLE "efficiency_letter" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"indicator" text,
	"period_key" text,
	"incident_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'issued' NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "efficiency_letter_kind_ck" CHECK ("kind" IN ('warning', 'supervision')),
	CONSTRAINT "efficiency_letter_state_ck" CHECK ("state" IN ('issued', 'replied', 'closed')),
	CONSTRAINT "efficiency_letter_unit_fk" FOREIGN KEY ("unit_code") REFERENCES "unit"("code")
);--> statement-breakpoint
CREATE UNIQUE INDEX "efficiency_letter_number_uq" ON "efficiency_letter" USING btree ("year", "seq");--> statement-breakpoint
CREATE INDEX "efficiency_letter_unit_idx" ON "efficiency_letter" USING btree ("unit_code", "issued_at");--> statement-breakpoint
CREATE INDEX "efficiency_letter_open_deadline_idx" ON "efficiency_letter" USING btree ("deadline") WHERE state <> 'closed';--> statement-breakpoint
CREATE TABLE "efficiency_letter_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"letter_id" bigint NOT NULL REFERENCES "efficiency_letter"("id"),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text,
	"photos" jsonb,
	"data" jsonb,
	CONSTRAINT "efficiency_letter_event_action_ck" CHECK ("action" IN ('issue', 'reply', 'close', 'sendBack', 'escalate'))
);--> statement-breakpoint
CREATE INDEX "efficiency_letter_event_letter_idx" ON "efficiency_letter_event" USING btree ("letter_id", "id");--> statement-breakpoint
CREATE TABLE "supervision_check" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"unit_code" text REFERENCES "unit"("code"),
	"place" text NOT NULL,
	"finding" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"letter_id" bigint REFERENCES "efficiency_letter"("id"),
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_check_state_ck" CHECK ("state" IN ('open', 'rectified'))
);
