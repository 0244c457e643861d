CREATE TABLE "region_piece" (
	"region_id" integer NOT NULL,
	"geom" geometry(Geometry,4326) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_area_piece" (
	"area_id" integer NOT NULL,
	"geom" geometry(Geometry,4326) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "responsibility_area" ADD COLUMN "area_m2" double precision;--> statement-breakpoint
ALTER TABLE "region_piece" ADD CONSTRAINT "region_piece_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_area_piece" ADD CONSTRAINT "responsibility_area_piece_area_id_responsibility_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."responsibility_area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_piece_geom_gist" ON "region_piece" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "region_piece_region_idx" ON "region_piece" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "responsibility_area_piece_geom_gist" ON "responsibility_area_piece" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "responsibility_area_piece_area_idx" ON "responsibility_area_piece" USING btree ("area_id");
--> statement-breakpoint
-- Kept in step by the database itself, so no write path (admin edit, GeoJSON import, seed) can forget it.
-- Districts are never looked up, so they get no pieces.
CREATE OR REPLACE FUNCTION region_piece_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM region_piece WHERE region_id = NEW.id;
  END IF;
  IF NEW.level <> 'district' THEN
    INSERT INTO region_piece (region_id, geom) SELECT NEW.id, ST_Subdivide(NEW.geom, 16);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER region_piece_sync AFTER INSERT OR UPDATE OF geom, level ON region
  FOR EACH ROW EXECUTE FUNCTION region_piece_sync();
--> statement-breakpoint
INSERT INTO region_piece (region_id, geom) SELECT id, ST_Subdivide(geom, 16) FROM region WHERE level <> 'district';
--> statement-breakpoint
-- Responsibility areas: the geodesic area (ranked per point) is computed once at write time, and polygons get
-- lookup pieces like regions.
CREATE OR REPLACE FUNCTION responsibility_area_measure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.area_m2 := CASE WHEN NEW.geometry_kind = 'polygon' THEN ST_Area(NEW.geom::geography) END;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER responsibility_area_measure BEFORE INSERT OR UPDATE OF geom, geometry_kind ON responsibility_area
  FOR EACH ROW EXECUTE FUNCTION responsibility_area_measure();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responsibility_area_piece_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM responsibility_area_piece WHERE area_id = NEW.id;
  END IF;
  IF NEW.geometry_kind = 'polygon' THEN
    INSERT INTO responsibility_area_piece (area_id, geom) SELECT NEW.id, ST_Subdivide(NEW.geom, 16);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER responsibility_area_piece_sync AFTER INSERT OR UPDATE OF geom, geometry_kind ON responsibility_area
  FOR EACH ROW EXECUTE FUNCTION responsibility_area_piece_sync();
--> statement-breakpoint
UPDATE responsibility_area SET area_m2 = ST_Area(geom::geography) WHERE geometry_kind = 'polygon';
--> statement-breakpoint
INSERT INTO responsibility_area_piece (area_id, geom)
  SELECT id, ST_Subdivide(geom, 16) FROM responsibility_area WHERE geometry_kind = 'polygon';
