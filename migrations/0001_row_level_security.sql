-- Tenant isolation in depth (SPEC §1, §7). The service runs every tenant transaction as the
-- non-owner role manuplan_app with app.clinic_id set; row-level security then hides other
-- clinics' rows even from a query that forgot its clinic filter. Roles are cluster-wide, so
-- creation tolerates another database (or a concurrent migration) having made it first.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'manuplan_app') THEN
    CREATE ROLE manuplan_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT manuplan_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO manuplan_app;
--> statement-breakpoint
GRANT SELECT ON clinics TO manuplan_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON api_keys, patients, assessments, plans, plan_versions, sessions TO manuplan_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys, rate_limit_windows TO manuplan_app;
--> statement-breakpoint
-- Audit events and the change feed are append-only for the application.
GRANT SELECT, INSERT ON audit_events, changes TO manuplan_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO manuplan_app;
--> statement-breakpoint
ALTER TABLE clinics ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinics FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinic_isolation ON clinics FOR SELECT TO manuplan_app
  USING (id = NULLIF(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['api_keys', 'patients', 'assessments', 'plans', 'plan_versions', 'sessions',
                           'idempotency_keys', 'audit_events', 'changes', 'rate_limit_windows'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY clinic_isolation ON %I TO manuplan_app
         USING (clinic_id = NULLIF(current_setting(''app.clinic_id'', true), '''')::uuid)
         WITH CHECK (clinic_id = NULLIF(current_setting(''app.clinic_id'', true), '''')::uuid)', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Authentication happens before the clinic is known: the presented key's prefix (and only it)
-- becomes visible, so the lookup still runs as the restricted role.
CREATE POLICY key_lookup ON api_keys FOR SELECT TO manuplan_app
  USING (prefix = NULLIF(current_setting('app.key_prefix', true), ''));
--> statement-breakpoint
CREATE POLICY key_lookup ON clinics FOR SELECT TO manuplan_app
  USING (id IN (SELECT clinic_id FROM api_keys WHERE prefix = NULLIF(current_setting('app.key_prefix', true), '')));
--> statement-breakpoint
-- Every create, update and soft delete of a synced resource lands in the change feed, in the
-- writing transaction, tagged with its transaction id.
CREATE FUNCTION manuplan_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO changes (clinic_id, txid, resource_type, resource_id, version, op, changed_at)
  VALUES (NEW.clinic_id, pg_current_xact_id(), TG_ARGV[0], NEW.id, NEW.version,
          CASE WHEN NEW.deleted_at IS NULL THEN 'upsert' ELSE 'delete' END, NEW.updated_at);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER patients_record_change AFTER INSERT OR UPDATE ON patients
  FOR EACH ROW EXECUTE FUNCTION manuplan_record_change('patient');
--> statement-breakpoint
CREATE TRIGGER assessments_record_change AFTER INSERT OR UPDATE ON assessments
  FOR EACH ROW EXECUTE FUNCTION manuplan_record_change('assessment');
--> statement-breakpoint
CREATE TRIGGER plans_record_change AFTER INSERT OR UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION manuplan_record_change('plan');
--> statement-breakpoint
CREATE TRIGGER sessions_record_change AFTER INSERT OR UPDATE ON sessions
  FOR EACH ROW EXECUTE FUNCTION manuplan_record_change('session');
