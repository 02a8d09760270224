CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- ---------------------------------------------------------------------------------------
-- Hand-written from here on (drizzle-kit generated everything above). The sealing key of
-- webhook secrets for servers without WEBHOOKS_SECRET_KEY: 244 random bits from two version-4 UUIDs
-- (gen_random_uuid draws on the server's strong random source), generated once per database
-- so that every instance and every restart seal and open with the same key.
-- ---------------------------------------------------------------------------------------
INSERT INTO server_secrets (name, value)
VALUES ('webhook_sealing_key', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
--> statement-breakpoint
GRANT SELECT ON server_secrets TO manuplan_app;
