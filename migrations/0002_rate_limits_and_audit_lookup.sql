CREATE TABLE "rate_limits" (
	"clinic_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"tat" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limits_clinic_id_key_id_pk" PRIMARY KEY("clinic_id","key_id")
);
--> statement-breakpoint
ALTER TABLE "rate_limit_windows" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "rate_limit_windows" CASCADE;--> statement-breakpoint
CREATE INDEX "audit_events_clinic_resource_idx" ON "audit_events" USING btree ("clinic_id","resource_id","id");