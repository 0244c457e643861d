CREATE TABLE "knowledge_entry" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"term_freqs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"doc_len" real DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_entry_kind_ck" CHECK ("knowledge_entry"."kind" IN ('qa','guide'))
);
--> statement-breakpoint
ALTER TABLE "knowledge_entry" ADD CONSTRAINT "knowledge_entry_unit_code_unit_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_entry_tokens_gin" ON "knowledge_entry" USING gin ("tokens");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_entry_title_uq" ON "knowledge_entry" USING btree ("kind","title") WHERE active;