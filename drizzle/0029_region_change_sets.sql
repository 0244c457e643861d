CREATE TABLE "region_change_set" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"effective_from" timestamp with time zone,
	"published_at" timestamp with time zone,
	"preview" jsonb,
	CONSTRAINT "region_change_set_state_ck" CHECK ("region_change_set"."state" IN ('draft','submitted','approved','rejected','withdrawn')),
	CONSTRAINT "region_change_set_decided_ck" CHECK ("region_change_set"."state" NOT IN ('approved','rejected') OR ("region_change_set"."decided_by" IS NOT NULL AND "region_change_set"."decided_at" IS NOT NULL)),
	CONSTRAINT "region_change_set_effective_ck" CHECK ("region_change_set"."state" <> 'approved' OR "region_change_set"."effective_from" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "region_change" (
	"id" serial PRIMARY KEY NOT NULL,
	"change_set_id" integer NOT NULL,
	"idx" integer NOT NULL,
	"op" text NOT NULL,
	"level" text NOT NULL,
	"code" varchar(15),
	"parent_code" varchar(15),
	"name" text,
	"geom" geometry(MultiPolygon,4326),
	"base_version" integer,
	"published_version" integer,
	CONSTRAINT "region_change_op_ck" CHECK ("region_change"."op" IN ('create','update','retire')),
	CONSTRAINT "region_change_level_ck" CHECK ("region_change"."level" IN ('district','street','community','grid')),
	CONSTRAINT "region_change_shape_ck" CHECK (
		("region_change"."op" = 'create' AND "region_change"."geom" IS NOT NULL AND "region_change"."name" IS NOT NULL AND "region_change"."parent_code" IS NOT NULL AND "region_change"."base_version" IS NULL)
		OR ("region_change"."op" = 'update' AND "region_change"."code" IS NOT NULL AND "region_change"."base_version" IS NOT NULL AND ("region_change"."geom" IS NOT NULL OR "region_change"."name" IS NOT NULL))
		OR ("region_change"."op" = 'retire' AND "region_change"."code" IS NOT NULL AND "region_change"."base_version" IS NOT NULL AND "region_change"."geom" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "region_change" ADD CONSTRAINT "region_change_change_set_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."region_change_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "region_change_set_idx_uq" ON "region_change" USING btree ("change_set_id","idx");--> statement-breakpoint
CREATE INDEX "region_change_code_idx" ON "region_change" USING btree ("code");--> statement-breakpoint
CREATE INDEX "region_change_set_state_idx" ON "region_change_set" USING btree ("state");--> statement-breakpoint
CREATE INDEX "region_change_set_due_idx" ON "region_change_set" USING btree ("effective_from") WHERE "state" = 'approved' AND "published_at" IS NULL;--> statement-breakpoint
CREATE INDEX "region_code_prefix_idx" ON "region" USING btree ("code" varchar_pattern_ops);
