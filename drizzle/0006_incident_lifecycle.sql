CREATE TABLE "calendar_day" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "calendar_day_kind_ck" CHECK ("calendar_day"."kind" IN ('holiday','workday'))
);
--> statement-breakpoint
ALTER TABLE "incident" ADD COLUMN "callback_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident" ADD COLUMN "extension_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident" ADD COLUMN "extension_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "timer_pending_uq" ON "timer" USING btree ("incident_id","kind") WHERE fired_at IS NULL AND cancelled_at IS NULL;