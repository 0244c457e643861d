-- Sign-in: a progressive delay per (account, client network) replaces the lock of the whole account.
CREATE TABLE "sign_in_failure" (
	"user_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE,
	"address" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_failure_pk" PRIMARY KEY ("user_id", "address")
);
--> statement-breakpoint
CREATE INDEX "sign_in_failure_last_idx" ON "sign_in_failure" USING btree ("last_failure_at");
--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "failed_logins";
--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "locked_until";
