-- Source of evaluation_publication_frozen(); first created in 0025_evaluation.sql. Applied after the migrations on every start
-- when its text changes (docs/ARCHITECTURE.md, "Database functions").
CREATE OR REPLACE FUNCTION evaluation_publication_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evaluation_publication rows are frozen once published';
END $$;
