-- Source of responsibility_area_piece_sync(); first created in 0014_lookup_pieces.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
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
