CREATE SEQUENCE "public"."incident_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "incident" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"request_type" text NOT NULL,
	"track" text DEFAULT 'normal' NOT NULL,
	"fine_class" text,
	"safety_hazard" boolean DEFAULT false NOT NULL,
	"location" geometry(Point,4326),
	"location_crs" text,
	"address" text,
	"description" text NOT NULL,
	"reporter_name" text,
	"reporter_phone" text,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"unit_code" text,
	"first_unit_code" text,
	"suggested_unit_code" text,
	"needs_review" boolean DEFAULT false NOT NULL,
	"street_code" text,
	"community_code" text,
	"grid_code" text,
	"street_region_id" integer,
	"community_region_id" integer,
	"grid_region_id" integer,
	"assignment" jsonb,
	"dispatch_by" timestamp with time zone,
	"arrive_by" timestamp with time zone,
	"handle_by" timestamp with time zone,
	"resolve_by" timestamp with time zone,
	"ownership_by" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"hazard_marked" boolean DEFAULT false NOT NULL,
	"extension_pending" boolean DEFAULT false NOT NULL,
	"primary_id" bigint,
	"satisfaction" text,
	"idempotency_key" text,
	"request_hash" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_state_ck" CHECK ("incident"."state" IN ('reported','registered','dispatched','accepted','on_site','resolved','closed','returned','rejected','merged')),
	CONSTRAINT "incident_channel_ck" CHECK ("incident"."channel" IN ('hotline_12345','hotline_12315','hotline_12369','patrol','public_web','open311','other_system')),
	CONSTRAINT "incident_request_type_ck" CHECK ("incident"."request_type" IN ('complaint','consultation','help','suggestion','report')),
	CONSTRAINT "incident_track_ck" CHECK ("incident"."track" IN ('normal','simple','urgent'))
);
--> statement-breakpoint
CREATE TABLE "incident_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text,
	"photos" jsonb,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "timer" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"data" jsonb
);
--> statement-breakpoint
ALTER TABLE "incident_event" ADD CONSTRAINT "incident_event_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timer" ADD CONSTRAINT "timer_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_code_uq" ON "incident" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_tracking_uq" ON "incident" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_idempotency_uq" ON "incident" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "incident_location_gist" ON "incident" USING gist ("location");--> statement-breakpoint
CREATE INDEX "incident_state_idx" ON "incident" USING btree ("state");--> statement-breakpoint
CREATE INDEX "incident_unit_state_idx" ON "incident" USING btree ("unit_code","state");--> statement-breakpoint
CREATE INDEX "incident_street_idx" ON "incident" USING btree ("street_code");--> statement-breakpoint
CREATE INDEX "incident_created_idx" ON "incident" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "incident_primary_idx" ON "incident" USING btree ("primary_id");--> statement-breakpoint
CREATE INDEX "incident_event_incident_idx" ON "incident_event" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "timer_due_idx" ON "timer" USING btree ("due_at") WHERE fired_at IS NULL AND cancelled_at IS NULL;--> statement-breakpoint
CREATE INDEX "timer_incident_idx" ON "timer" USING btree ("incident_id");