-- Vector map tiles are revalidated by ETag (docs/ARCHITECTURE.md §6): each tile layer has one version number here, bumped
-- in the writing transaction by the triggers below, so a tile's ETag changes exactly when its layer's data does and a
-- reader sees the version of the data it reads (a committed row, never a sequence ahead of the data).
-- Region writes bump only the level they touch (transition tables: one update per statement, not per row).
CREATE TABLE "layer_version" (
	"layer" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "layer_version_layer_ck" CHECK ("layer" IN ('district','streets','communities','grids','areas','routes','incidents'))
);
--> statement-breakpoint
INSERT INTO "layer_version" ("layer") VALUES ('district'), ('streets'), ('communities'), ('grids'), ('areas'), ('routes'), ('incidents');
--> statement-breakpoint
CREATE FUNCTION "bump_layer_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE layer_version SET version = version + 1, changed_at = now() WHERE layer = TG_ARGV[0];
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "bump_region_layer_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE layer_version v SET version = version + 1, changed_at = now()
  WHERE v.layer IN (SELECT CASE r.level WHEN 'district' THEN 'district' WHEN 'street' THEN 'streets' WHEN 'community' THEN 'communities' ELSE 'grids' END
                    FROM changed_regions r);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "region_layer_version_ins" AFTER INSERT ON "region" REFERENCING NEW TABLE AS changed_regions
	FOR EACH STATEMENT EXECUTE FUNCTION bump_region_layer_version();
--> statement-breakpoint
CREATE TRIGGER "region_layer_version_upd" AFTER UPDATE ON "region" REFERENCING NEW TABLE AS changed_regions
	FOR EACH STATEMENT EXECUTE FUNCTION bump_region_layer_version();
--> statement-breakpoint
CREATE TRIGGER "region_layer_version_del" AFTER DELETE ON "region" REFERENCING OLD TABLE AS changed_regions
	FOR EACH STATEMENT EXECUTE FUNCTION bump_region_layer_version();
--> statement-breakpoint
CREATE TRIGGER "area_layer_version" AFTER INSERT OR UPDATE OR DELETE ON "responsibility_area"
	FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version('areas');
--> statement-breakpoint
CREATE TRIGGER "route_layer_version" AFTER INSERT OR UPDATE OR DELETE ON "patrol_route"
	FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version('routes');
--> statement-breakpoint
CREATE TRIGGER "incident_layer_version" AFTER INSERT OR UPDATE OR DELETE ON "incident"
	FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version('incidents');
