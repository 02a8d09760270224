CREATE TABLE "auth_failures" (
	"subject" text PRIMARY KEY NOT NULL,
	"tat" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- The runtime role counts failures before any clinic is known, so no row-level policy applies:
-- the table holds only digests and times, nothing of any clinic.
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_failures TO manuplan_app;
