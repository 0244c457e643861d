CREATE TABLE "region" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(15) NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(15),
	"version" integer DEFAULT 1 NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_level_ck" CHECK ("region"."level" IN ('district','street','community','grid')),
	CONSTRAINT "region_validity_ck" CHECK ("region"."valid_to" IS NULL OR "region"."valid_to" > "region"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"region_code" varchar(15),
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "unit_kind_ck" CHECK ("unit"."kind" IN ('command','supervision','department','utility','street_office','section'))
);
--> statement-breakpoint
CREATE TABLE "taxonomy_class" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"lead_unit" text,
	"responsible" text,
	"safety_hazard" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "taxonomy_level_ck" CHECK ("taxonomy_class"."level" IN ('class','subclass','fine')),
	CONSTRAINT "taxonomy_lead_ck" CHECK ("taxonomy_class"."level" <> 'subclass' OR "taxonomy_class"."lead_unit" IS NOT NULL),
	CONSTRAINT "taxonomy_responsible_ck" CHECK ("taxonomy_class"."level" <> 'fine' OR "taxonomy_class"."responsible" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "taxonomy_class" ADD CONSTRAINT "taxonomy_class_lead_unit_unit_code_fk" FOREIGN KEY ("lead_unit") REFERENCES "public"."unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_geom_gist" ON "region" USING gist ("geom");--> statement-breakpoint
CREATE UNIQUE INDEX "region_code_version_uq" ON "region" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "region_code_current_uq" ON "region" USING btree ("code") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE INDEX "region_parent_idx" ON "region" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "region_level_current_idx" ON "region" USING btree ("level") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE INDEX "unit_region_idx" ON "unit" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "taxonomy_parent_idx" ON "taxonomy_class" USING btree ("parent_code");