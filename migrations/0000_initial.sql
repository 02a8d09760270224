CREATE TABLE "api_keys" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"practitioner" text NOT NULL,
	"assessed_at" timestamp (3) with time zone NOT NULL,
	"input" jsonb NOT NULL,
	"created_by_key_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "assessments_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"first_name" text,
	"last_name" text,
	"birth_date" date,
	"sex" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "patients_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"notes" text,
	"changed_at" timestamp (3) with time zone NOT NULL,
	"changed_by_key_id" uuid,
	CONSTRAINT "plan_versions_clinic_id_plan_id_version_pk" PRIMARY KEY("clinic_id","plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"engine_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"notes" text,
	"updated_by_key_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "plans_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"performed_at" timestamp (3) with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"techniques" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"measures" jsonb NOT NULL,
	"notes" jsonb,
	"adverse_events" text[] NOT NULL,
	"created_by_key_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "sessions_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"key_id" uuid,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid,
	"outcome" text NOT NULL,
	"status_code" integer NOT NULL,
	"request_id" text NOT NULL,
	CONSTRAINT "audit_events_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"clinic_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"txid" "xid8" NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"op" text NOT NULL,
	"changed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "changes_clinic_id_seq_pk" PRIMARY KEY("clinic_id","seq")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"clinic_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status_code" integer,
	"response_body" jsonb,
	"response_headers" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_clinic_id_key_pk" PRIMARY KEY("clinic_id","key")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_windows" (
	"clinic_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_windows_clinic_id_key_id_window_start_pk" PRIMARY KEY("clinic_id","key_id","window_start")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_assessment_id_assessments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","assessment_id") REFERENCES "public"."assessments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "api_keys_clinic_created_idx" ON "api_keys" USING btree ("clinic_id","created_at","id");--> statement-breakpoint
CREATE INDEX "assessments_clinic_patient_idx" ON "assessments" USING btree ("clinic_id","patient_id","assessed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_clinic_external_id_key" ON "patients" USING btree ("clinic_id","external_id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "patients_clinic_updated_idx" ON "patients" USING btree ("clinic_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "plans_clinic_updated_idx" ON "plans" USING btree ("clinic_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "plans_clinic_patient_updated_idx" ON "plans" USING btree ("clinic_id","patient_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "plans_clinic_status_updated_idx" ON "plans" USING btree ("clinic_id","status","updated_at","id");--> statement-breakpoint
CREATE INDEX "sessions_clinic_plan_performed_idx" ON "sessions" USING btree ("clinic_id","plan_id","performed_at","id");--> statement-breakpoint
CREATE INDEX "changes_clinic_txid_seq_idx" ON "changes" USING btree ("clinic_id","txid","seq");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("clinic_id","expires_at");