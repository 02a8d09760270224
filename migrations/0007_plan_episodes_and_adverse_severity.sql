-- Stored text events stay text elements of the JSON array (read as moderate, SPEC §9).
ALTER TABLE "sessions" ALTER COLUMN "adverse_events" SET DATA TYPE jsonb USING to_jsonb("adverse_events");--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "previous_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "next_plan_id" uuid;