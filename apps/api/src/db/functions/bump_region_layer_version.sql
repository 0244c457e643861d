-- Source of bump_region_layer_version(); first created in 0031_layer_version.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION bump_region_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE layer_version v SET version = version + 1, changed_at = now()
  WHERE v.layer IN (SELECT CASE r.level WHEN 'district' THEN 'district' WHEN 'street' THEN 'streets' WHEN 'community' THEN 'communities' ELSE 'grids' END
                    FROM changed_regions r);
  RETURN NULL;
END $$;
