-- The service side of the district notice (docs/SERVICES.md): the catalogue of service items (进驻事项目录清单),
-- the service points that handle them (district center, town/street centers, village agent points), and citizens'
-- special-service requests (appointment, extended hours, home visit, proxy handling) with per-slot capacity.
-- Items are versioned like regions: an edit closes the current row (valid_to) and inserts the next version, so a
-- request keeps the version it was booked under.
CREATE TABLE "service_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"category" text NOT NULL,
	"unit_code" text REFERENCES "unit"("code"),
	"unit_name" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"time_limit_days" integer NOT NULL,
	"fees" text DEFAULT '不收费' NOT NULL,
	"online_prereview" boolean DEFAULT false NOT NULL,
	"special_services" text[] DEFAULT '{}'::text[] NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"pinyin_initials" text DEFAULT '' NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	"edited_by" text NOT NULL,
	CONSTRAINT "service_item_code_ck" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
	CONSTRAINT "service_item_category_ck" CHECK ("category" IN ('utilities','civil_affairs','social_security','household','medical_insurance','housing','business','other')),
	CONSTRAINT "service_item_time_limit_ck" CHECK ("time_limit_days" BETWEEN 0 AND 365),
	CONSTRAINT "service_item_special_ck" CHECK ("special_services" <@ ARRAY['appointment','extended_hours','home_visit','proxy']::text[]),
	CONSTRAINT "service_item_validity_ck" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from")
);--> statement-breakpoint
CREATE UNIQUE INDEX "service_item_code_version_uq" ON "service_item" USING btree ("code", "version");--> statement-breakpoint
CREATE UNIQUE INDEX "service_item_code_current_uq" ON "service_item" USING btree ("code") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE TABLE "service_point" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"region_code" varchar(15) NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text,
	"opening_hours" text NOT NULL,
	"extended_hours" text,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"slot_capacity" integer DEFAULT 4 NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "service_point_kind_ck" CHECK ("kind" IN ('district_center','town_center','village_point')),
	CONSTRAINT "service_point_slot_ck" CHECK ("slot_minutes" IN (15, 20, 30, 60) AND "slot_capacity" BETWEEN 0 AND 100)
);--> statement-breakpoint
CREATE INDEX "service_point_geom_gist" ON "service_point" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "service_point_region_idx" ON "service_point" USING btree ("region_code");--> statement-breakpoint
-- Which items a point handles, by item code (every version of an item is done at the same points).
CREATE TABLE "service_point_item" (
	"point_code" text NOT NULL REFERENCES "service_point"("code"),
	"item_code" text NOT NULL,
	CONSTRAINT "service_point_item_pk" PRIMARY KEY ("point_code", "item_code")
);--> statement-breakpoint
CREATE INDEX "service_point_item_item_idx" ON "service_point_item" USING btree ("item_code");--> statement-breakpoint
-- A point's capacity per slot on one day, overriding its default slot_capacity (0: closed that day).
CREATE TABLE "service_day_capacity" (
	"point_code" text NOT NULL REFERENCES "service_point"("code"),
	"day" date NOT NULL,
	"slot_capacity" integer NOT NULL,
	CONSTRAINT "service_day_capacity_pk" PRIMARY KEY ("point_code", "day"),
	CONSTRAINT "service_day_capacity_ck" CHECK ("slot_capacity" BETWEEN 0 AND 100)
);--> statement-breakpoint
-- Booked seats per slot: the booking takes a seat with one INSERT … ON CONFLICT DO UPDATE … WHERE booked < capacity,
-- which locks the slot's row, so two bookings racing for the last seat cannot both get it.
CREATE TABLE "service_slot" (
	"point_code" text NOT NULL REFERENCES "service_point"("code"),
	"slot_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_slot_pk" PRIMARY KEY ("point_code", "slot_at"),
	CONSTRAINT "service_slot_booked_ck" CHECK ("booked" >= 0 AND "booked" <= "capacity")
);--> statement-breakpoint
CREATE TABLE "service_request" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_code" text NOT NULL,
	"kind" text NOT NULL,
	"item_code" text NOT NULL,
	"item_version" integer NOT NULL,
	"point_code" text NOT NULL REFERENCES "service_point"("code"),
	"slot_at" timestamp with time zone NOT NULL,
	"citizen_name" text NOT NULL,
	"citizen_phone" text NOT NULL,
	"address" text,
	"location" geometry(Point,4326),
	"note" text,
	"channel" text NOT NULL,
	"created_by" text NOT NULL,
	"state" text DEFAULT 'booked' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"served_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"satisfaction" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_request_kind_ck" CHECK ("kind" IN ('appointment','extended_hours','home_visit','proxy')),
	CONSTRAINT "service_request_state_ck" CHECK ("state" IN ('booked','served','cancelled','no_show')),
	CONSTRAINT "service_request_channel_ck" CHECK ("channel" IN ('public_web','hotline')),
	CONSTRAINT "service_request_item_fk" FOREIGN KEY ("item_code", "item_version") REFERENCES "service_item"("code", "version")
);--> statement-breakpoint
CREATE UNIQUE INDEX "service_request_public_code_uq" ON "service_request" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "service_request_point_idx" ON "service_request" USING btree ("point_code", "slot_at");--> statement-breakpoint
CREATE INDEX "service_request_open_item_idx" ON "service_request" USING btree ("item_code") WHERE state = 'booked';--> statement-breakpoint
-- The service-center admin (docs/DOMAIN.md §1) edits the catalogue and the points.
ALTER TABLE "user_role" DROP CONSTRAINT "user_role_ck";--> statement-breakpoint
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_ck" CHECK ("role" IN ('admin','dispatcher','inspector','grid_admin','handler','unit_supervisor','efficiency_office','viewer','service_admin'));
