CREATE TABLE "patrol_route" (
	"id" serial PRIMARY KEY NOT NULL,
	"grid_code" varchar(15) NOT NULL,
	"geom" geometry(LineString,4326) NOT NULL,
	"source" text DEFAULT 'seed' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_route_source_ck" CHECK ("patrol_route"."source" IN ('seed','drawn'))
);
--> statement-breakpoint
CREATE TABLE "patrol_track" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_name" text NOT NULL,
	"chunk_id" text NOT NULL,
	"patrol_day" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"received_points" integer NOT NULL,
	"kept_points" integer NOT NULL,
	"crs" text NOT NULL,
	"request_hash" text NOT NULL,
	"geom" geometry(LineStringM,4326) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_track_time_ck" CHECK ("patrol_track"."ended_at" >= "patrol_track"."started_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_route_grid_uq" ON "patrol_route" USING btree ("grid_code");--> statement-breakpoint
CREATE INDEX "patrol_route_geom_gist" ON "patrol_route" USING gist ("geom");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_track_chunk_uq" ON "patrol_track" USING btree ("user_name","chunk_id");--> statement-breakpoint
CREATE INDEX "patrol_track_day_idx" ON "patrol_track" USING btree ("patrol_day");--> statement-breakpoint
CREATE INDEX "patrol_track_geom_gist" ON "patrol_track" USING gist ("geom");