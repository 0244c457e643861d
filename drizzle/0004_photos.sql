CREATE TABLE "photo" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"orientation" smallint DEFAULT 1 NOT NULL,
	"gps" geometry(Point,4326),
	"taken_at" timestamp with time zone,
	"storage_key" text NOT NULL,
	"thumb_key" text NOT NULL,
	"thumb_mime" text NOT NULL,
	"thumb_width" integer NOT NULL,
	"thumb_height" integer NOT NULL,
	"thumb_bytes" integer NOT NULL,
	"original_name" text,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_mime_ck" CHECK ("photo"."mime" IN ('image/jpeg','image/png','image/webp')),
	CONSTRAINT "photo_orientation_ck" CHECK ("photo"."orientation" BETWEEN 1 AND 8),
	CONSTRAINT "photo_size_ck" CHECK ("photo"."bytes" > 0 AND "photo"."width" > 0 AND "photo"."height" > 0)
);
--> statement-breakpoint
CREATE INDEX "photo_sha256_idx" ON "photo" USING btree ("sha256");