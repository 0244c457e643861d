-- Named roads and rivers for the seats' address search (docs/ARCHITECTURE.md, "Database"): kept in a table, not in
-- code, so a deployment can load its own; the demo seeds its hand-placed lines (marked demo).
CREATE TABLE "named_place" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"road_class" text,
	"geom" geometry(LineString,4326) NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "named_place_kind_ck" CHECK ("named_place"."kind" IN ('road','river')),
	CONSTRAINT "named_place_road_class_ck" CHECK ("named_place"."road_class" IS NULL OR "named_place"."road_class" IN ('expressway','national','county','urban'))
);
--> statement-breakpoint
CREATE INDEX "named_place_geom_gist" ON "named_place" USING gist ("geom");
