-- PostGIS first: every geometry column and GiST index below depends on it.
CREATE EXTENSION IF NOT EXISTS postgis;
