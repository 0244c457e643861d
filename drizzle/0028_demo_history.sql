-- The demo's year of incident history is written after the server already answers (in short transactions, so other
-- requests interleave on the embedded engine). This one row says how far it got: a start stopped half-way carries on
-- from `written` (the history is deterministic for its `seed_time`), and /api/health reports progress.
CREATE TABLE "demo_history" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"seed_time" timestamp with time zone NOT NULL,
	"total" integer,
	"written" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "demo_history_one_row" CHECK ("demo_history"."id")
);
