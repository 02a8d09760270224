CREATE TABLE "webhook_deliveries" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"webhook_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_version" integer NOT NULL,
	"patient_id" uuid,
	"plan_id" uuid,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"claim_token" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"clinic_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"description" text,
	"secret_sealed" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"failing_since" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "webhooks_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_clinic_id_webhook_id_webhooks_clinic_id_id_fk" FOREIGN KEY ("clinic_id","webhook_id") REFERENCES "public"."webhooks"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_clinic_webhook_seq_idx" ON "webhook_deliveries" USING btree ("clinic_id","webhook_id","seq");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_resource_idx" ON "webhook_deliveries" USING btree ("clinic_id","webhook_id","resource_id","seq") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_due_idx" ON "webhook_deliveries" USING btree ("clinic_id","next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhooks_clinic_created_idx" ON "webhooks" USING btree ("clinic_id","created_at","id");--> statement-breakpoint
-- ---------------------------------------------------------------------------------------
-- Hand-written from here on (drizzle-kit generated everything above): grants, row-level
-- security and the outbox triggers.
-- ---------------------------------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE ON webhooks TO manuplan_app;
--> statement-breakpoint
-- DELETE: finished deliveries are swept once older than WEBHOOKS_RETENTION_DAYS.
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_deliveries TO manuplan_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE webhook_deliveries_seq_seq TO manuplan_app;
--> statement-breakpoint
ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhooks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinic_isolation ON webhooks TO manuplan_app
  USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid)
  WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY clinic_isolation ON webhook_deliveries TO manuplan_app
  USING (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid)
  WITH CHECK (clinic_id = NULLIF(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
-- The dispatcher claims due deliveries of every clinic in one statement, so it alone may see
-- across clinics — and only these two tables, never the clinical ones. It announces itself
-- with app.webhook_dispatcher = 'on' (modules/webhooks/webhook-dispatcher.repository.ts).
CREATE POLICY webhook_dispatcher ON webhooks FOR SELECT TO manuplan_app
  USING (current_setting('app.webhook_dispatcher', true) = 'on');
--> statement-breakpoint
CREATE POLICY webhook_dispatcher ON webhook_deliveries TO manuplan_app
  USING (current_setting('app.webhook_dispatcher', true) = 'on')
  WITH CHECK (current_setting('app.webhook_dispatcher', true) = 'on');
--> statement-breakpoint
CREATE POLICY webhook_dispatcher_health ON webhooks FOR UPDATE TO manuplan_app
  USING (current_setting('app.webhook_dispatcher', true) = 'on')
  WITH CHECK (current_setting('app.webhook_dispatcher', true) = 'on');
--> statement-breakpoint
-- The outbox (SPEC §11): every event a webhook subscribes to becomes one delivery row per
-- matching enabled webhook, in the transaction of the change itself, next to the change feed's
-- row. A rolled-back change therefore never leaves a delivery; a committed one always has one.
CREATE FUNCTION manuplan_webhook_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
  row_json jsonb;
  -- One message id per event, shared by its deliveries to every webhook (header webhook-id).
  message_id uuid := gen_random_uuid();
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.deleted_at IS NOT NULL THEN RETURN NULL; END IF;
    event_type := TG_ARGV[0] || '.created';
  ELSIF OLD.deleted_at IS NOT NULL THEN
    -- A tombstone touched again is no news to a receiver.
    RETURN NULL;
  ELSIF NEW.deleted_at IS NOT NULL THEN
    event_type := TG_ARGV[0] || '.deleted';
  ELSE
    event_type := TG_ARGV[0] || '.updated';
  END IF;
  IF event_type NOT IN ('patient.created', 'patient.updated', 'patient.deleted', 'assessment.created',
                        'plan.created', 'plan.updated', 'plan.deleted', 'session.created') THEN
    RETURN NULL;
  END IF;
  -- Patients carry neither column, sessions no patient_id: read them by name from the row.
  row_json := to_jsonb(NEW);
  INSERT INTO webhook_deliveries (clinic_id, id, webhook_id, event_id, type, resource_id, resource_version,
                                  patient_id, plan_id, occurred_at)
  SELECT w.clinic_id, gen_random_uuid(), w.id, message_id, event_type, NEW.id, NEW.version,
         (row_json ->> 'patient_id')::uuid, (row_json ->> 'plan_id')::uuid, NEW.updated_at
  FROM webhooks w
  WHERE w.clinic_id = NEW.clinic_id AND w.enabled AND w.deleted_at IS NULL
    AND (w.events @> ARRAY[event_type] OR w.events @> ARRAY['*']);
  -- Wakes the listening dispatchers at commit (nothing is sent for a rolled-back change, and
  -- repeats within one transaction fold into one); polling remains the fallback.
  IF FOUND THEN
    PERFORM pg_notify('manuplan_webhook_due', '');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER patients_webhook_outbox AFTER INSERT OR UPDATE ON patients
  FOR EACH ROW EXECUTE FUNCTION manuplan_webhook_outbox('patient');
--> statement-breakpoint
CREATE TRIGGER assessments_webhook_outbox AFTER INSERT OR UPDATE ON assessments
  FOR EACH ROW EXECUTE FUNCTION manuplan_webhook_outbox('assessment');
--> statement-breakpoint
CREATE TRIGGER plans_webhook_outbox AFTER INSERT OR UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION manuplan_webhook_outbox('plan');
--> statement-breakpoint
CREATE TRIGGER sessions_webhook_outbox AFTER INSERT OR UPDATE ON sessions
  FOR EACH ROW EXECUTE FUNCTION manuplan_webhook_outbox('session');
