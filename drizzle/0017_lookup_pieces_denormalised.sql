-- The lookup pieces carry a copy of their region's identity and validity, so the point lookup answers from
-- region_piece alone (joining each candidate piece back to region doubled the cost of a 1,000-point batch).
-- The pieces are derived data: emptied here and rebuilt from region below.
TRUNCATE "region_piece";--> statement-breakpoint
ALTER TABLE "region_piece" ADD COLUMN "level" text NOT NULL;--> statement-breakpoint
ALTER TABLE "region_piece" ADD COLUMN "code" varchar(15) NOT NULL;--> statement-breakpoint
ALTER TABLE "region_piece" ADD COLUMN "name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "region_piece" ADD COLUMN "version" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "region_piece" ADD COLUMN "valid_from" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "region_piece" ADD COLUMN "valid_to" timestamp with time zone;--> statement-breakpoint
-- A new shape or level cuts the pieces again; any other change (closing a version sets valid_to) is copied onto them.
CREATE OR REPLACE FUNCTION region_piece_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.geom IS NOT DISTINCT FROM OLD.geom AND NEW.level = OLD.level THEN
      UPDATE region_piece SET code = NEW.code, name = NEW.name, version = NEW.version,
                              valid_from = NEW.valid_from, valid_to = NEW.valid_to
        WHERE region_id = NEW.id;
      RETURN NULL;
    END IF;
    DELETE FROM region_piece WHERE region_id = NEW.id;
  END IF;
  IF NEW.level <> 'district' THEN
    INSERT INTO region_piece (region_id, geom, level, code, name, version, valid_from, valid_to)
      SELECT NEW.id, ST_Subdivide(NEW.geom, 16), NEW.level, NEW.code, NEW.name, NEW.version, NEW.valid_from, NEW.valid_to;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER region_piece_sync ON region;--> statement-breakpoint
CREATE TRIGGER region_piece_sync AFTER INSERT OR UPDATE OF geom, level, code, name, version, valid_from, valid_to ON region
  FOR EACH ROW EXECUTE FUNCTION region_piece_sync();
--> statement-breakpoint
INSERT INTO region_piece (region_id, geom, level, code, name, version, valid_from, valid_to)
  SELECT id, ST_Subdivide(geom, 16), level, code, name, version, valid_from, valid_to FROM region WHERE level <> 'district';
