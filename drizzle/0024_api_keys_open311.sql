-- API keys for external systems (Open311 clients, integrations): issued by an administrator to a unit rather
-- than a person, with scopes and a per-minute rate limit. A person's token keeps user_id; a unit's key has none.
-- Only the SHA-256 of a key is stored (shown once at creation); token_prefix lets an admin recognise it.
ALTER TABLE "api_token" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "unit_code" text REFERENCES "unit"("code");--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "scopes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "rate_limit_per_minute" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "token_prefix" text;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "use_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "replaces_id" uuid;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_owner_ck" CHECK ("user_id" IS NOT NULL OR "unit_code" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_rate_ck" CHECK ("rate_limit_per_minute" BETWEEN 1 AND 100000);--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_scopes_ck" CHECK ("scopes" <@ ARRAY['open311:write','incidents:read']::text[]);--> statement-breakpoint
-- Outbound webhooks may speak the Open311 request_update shape instead of the native notification JSON.
ALTER TABLE "unit_webhook" ADD COLUMN "format" text DEFAULT 'native' NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_webhook" ADD CONSTRAINT "unit_webhook_format_ck" CHECK ("format" IN ('native','open311'));
