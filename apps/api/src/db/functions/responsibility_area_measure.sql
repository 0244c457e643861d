-- Source of responsibility_area_measure(); first created in 0014_lookup_pieces.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION responsibility_area_measure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.area_m2 := CASE WHEN NEW.geometry_kind = 'polygon' THEN ST_Area(NEW.geom::geography) END;
  RETURN NEW;
END
$$;
