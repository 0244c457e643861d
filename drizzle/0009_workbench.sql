CREATE TABLE "notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"incident_id" bigint NOT NULL,
	"incident_code" text NOT NULL,
	"kind" text NOT NULL,
	"unit_code" text,
	"role" text,
	"region_code" text,
	"user_id" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb,
	CONSTRAINT "notification_kind_ck" CHECK ("notification"."kind" IN ('assignment','urge','supervision','verification'))
);
--> statement-breakpoint
CREATE TABLE "notification_read" (
	"notification_id" bigint NOT NULL,
	"reader" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_read_notification_id_reader_pk" PRIMARY KEY("notification_id","reader")
);
--> statement-breakpoint
CREATE TABLE "public_rating" (
	"incident_id" bigint NOT NULL,
	"round" integer NOT NULL,
	"rating" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_rating_incident_id_round_pk" PRIMARY KEY("incident_id","round"),
	CONSTRAINT "public_rating_ck" CHECK ("public_rating"."rating" IN ('satisfied','basically_satisfied','not_satisfied'))
);
--> statement-breakpoint
CREATE TABLE "public_report" (
	"incident_id" bigint PRIMARY KEY NOT NULL,
	"photos_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_window" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_window_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "unit_webhook" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"channel" text DEFAULT 'http' NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" integer NOT NULL,
	"notification_id" bigint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"leased_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_assignment" (
	"incident_id" bigint PRIMARY KEY NOT NULL,
	"section_code" text,
	"assignee" text,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_event_id_incident_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."incident_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_read" ADD CONSTRAINT "notification_read_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_rating" ADD CONSTRAINT "public_rating_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_report" ADD CONSTRAINT "public_report_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_webhook_id_unit_webhook_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."unit_webhook"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_assignment" ADD CONSTRAINT "work_assignment_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_unit_idx" ON "notification" USING btree ("unit_code","id");--> statement-breakpoint
CREATE INDEX "notification_role_idx" ON "notification" USING btree ("role","id");--> statement-breakpoint
CREATE INDEX "notification_incident_idx" ON "notification" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "notification_read_reader_idx" ON "notification_read" USING btree ("reader");--> statement-breakpoint
CREATE INDEX "rate_limit_window_expires_idx" ON "rate_limit_window" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_webhook_unit_uq" ON "unit_webhook" USING btree ("unit_code","channel");--> statement-breakpoint
CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery" USING btree ("due_at") WHERE delivered_at IS NULL AND failed_at IS NULL;