-- Source of region_piece_sync(); first created in 0017_lookup_pieces_denormalised.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
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
