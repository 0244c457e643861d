CREATE TABLE "responsibility_area" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit_code" text NOT NULL,
	"class_code" text NOT NULL,
	"geometry_kind" text NOT NULL,
	"geom" geometry(Geometry,4326) NOT NULL,
	"buffer_m" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responsibility_area_kind_ck" CHECK ("responsibility_area"."geometry_kind" IN ('polygon','line')),
	CONSTRAINT "responsibility_area_class_ck" CHECK ("responsibility_area"."class_code" ~ '^([0-9]{2}){1,3}$'),
	CONSTRAINT "responsibility_area_buffer_ck" CHECK (("responsibility_area"."geometry_kind" = 'line' AND "responsibility_area"."buffer_m" > 0 AND "responsibility_area"."buffer_m" <= 5000) OR ("responsibility_area"."geometry_kind" = 'polygon' AND "responsibility_area"."buffer_m" IS NULL)),
	CONSTRAINT "responsibility_area_geom_ck" CHECK (("responsibility_area"."geometry_kind" = 'polygon' AND GeometryType("responsibility_area"."geom") = 'MULTIPOLYGON') OR ("responsibility_area"."geometry_kind" = 'line' AND GeometryType("responsibility_area"."geom") = 'MULTILINESTRING'))
);
--> statement-breakpoint
ALTER TABLE "responsibility_area" ADD CONSTRAINT "responsibility_area_unit_code_unit_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responsibility_area_geom_gist" ON "responsibility_area" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "responsibility_area_class_idx" ON "responsibility_area" USING btree ("class_code");