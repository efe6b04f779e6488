-- The five largest township tables become PARTITION BY HASH (township_id), 16 partitions each
-- (issue 10; docs/SCALING.md "Partitioning" says why 16 and how to re-partition). Drizzle cannot
-- express partitions, so this migration is written by hand and the Drizzle schema stays as it
-- is: every column, default, constraint and index keeps its name and definition, only the
-- storage underneath changes.
--
-- Each table is rebuilt the same way: a partitioned twin (LIKE the old table, so the columns, their
-- order, NOT NULLs and defaults are exactly those 0000–0008 built), its 16 partitions, the rows
-- moved, the old table dropped and the twin renamed; keys and indexes are built after the rows are
-- in (one sort per index rather than row-by-row maintenance), then the foreign keys. The migrator
-- runs the whole file in one transaction, so an upgrade either has all five tables partitioned
-- with every row, or nothing changed.
--
-- 1. Foreign keys into the five tables, and between them, go first; all are made again at the end.
ALTER TABLE "members" DROP CONSTRAINT "members_household_fk";--> statement-breakpoint
ALTER TABLE "pairings" DROP CONSTRAINT "pairings_household_fk";--> statement-breakpoint
ALTER TABLE "household_flags" DROP CONSTRAINT "household_flags_household_fk";--> statement-breakpoint
ALTER TABLE "discrepancies" DROP CONSTRAINT "discrepancies_household_fk";--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_household_fk";--> statement-breakpoint
ALTER TABLE "problems" DROP CONSTRAINT "problems_household_fk";--> statement-breakpoint
ALTER TABLE "order_problems" DROP CONSTRAINT "order_problems_problem_fk";--> statement-breakpoint
ALTER TABLE "problem_events" DROP CONSTRAINT "problem_events_problem_fk";--> statement-breakpoint
ALTER TABLE "problem_evidence" DROP CONSTRAINT "problem_evidence_problem_fk";--> statement-breakpoint
-- 2. The partitioned twins and their partitions (<table>_p00 … <table>_p15).
CREATE TABLE "households_partitioned" (LIKE "households" INCLUDING DEFAULTS) PARTITION BY HASH ("township_id");--> statement-breakpoint
CREATE TABLE "members_partitioned" (LIKE "members" INCLUDING DEFAULTS) PARTITION BY HASH ("township_id");--> statement-breakpoint
CREATE TABLE "visits_partitioned" (LIKE "visits" INCLUDING DEFAULTS) PARTITION BY HASH ("township_id");--> statement-breakpoint
CREATE TABLE "problems_partitioned" (LIKE "problems" INCLUDING DEFAULTS) PARTITION BY HASH ("township_id");--> statement-breakpoint
CREATE TABLE "audit_log_partitioned" (LIKE "audit_log" INCLUDING DEFAULTS) PARTITION BY HASH ("township_id");--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['households', 'members', 'visits', 'problems', 'audit_log'] LOOP
    FOR r IN 0..15 LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
        t || '_p' || lpad(r::text, 2, '0'), t || '_partitioned', r);
    END LOOP;
  END LOOP;
END
$$;--> statement-breakpoint
-- 3. The rows move; the old tables go (with their outgoing foreign keys and the audit triggers).
INSERT INTO "households_partitioned" SELECT * FROM "households";--> statement-breakpoint
INSERT INTO "members_partitioned" SELECT * FROM "members";--> statement-breakpoint
INSERT INTO "visits_partitioned" SELECT * FROM "visits";--> statement-breakpoint
INSERT INTO "problems_partitioned" SELECT * FROM "problems";--> statement-breakpoint
INSERT INTO "audit_log_partitioned" SELECT * FROM "audit_log";--> statement-breakpoint
DROP TABLE "households";--> statement-breakpoint
DROP TABLE "members";--> statement-breakpoint
DROP TABLE "visits";--> statement-breakpoint
DROP TABLE "problems";--> statement-breakpoint
DROP TABLE "audit_log";--> statement-breakpoint
ALTER TABLE "households_partitioned" RENAME TO "households";--> statement-breakpoint
ALTER TABLE "members_partitioned" RENAME TO "members";--> statement-breakpoint
ALTER TABLE "visits_partitioned" RENAME TO "visits";--> statement-breakpoint
ALTER TABLE "problems_partitioned" RENAME TO "problems";--> statement-breakpoint
ALTER TABLE "audit_log_partitioned" RENAME TO "audit_log";--> statement-breakpoint
-- 4. Keys and indexes under the names of 0000 and 0004 (each is made on every partition too).
ALTER TABLE "households" ADD CONSTRAINT "households_pkey" PRIMARY KEY ("township_id","id");--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_number_key" UNIQUE("township_id","household_number");--> statement-breakpoint
CREATE INDEX "households_village_idx" ON "households" USING btree ("township_id","village_id","group_id");--> statement-breakpoint
CREATE INDEX "households_status_idx" ON "households" USING btree ("township_id","poverty_status");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_pkey" PRIMARY KEY ("township_id","id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_id_number_key" UNIQUE("township_id","id_number");--> statement-breakpoint
CREATE INDEX "members_household_idx" ON "members" USING btree ("township_id","household_id","sort_order");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_pkey" PRIMARY KEY ("township_id","id");--> statement-breakpoint
CREATE INDEX "visits_household_idx" ON "visits" USING btree ("township_id","campaign_id","household_id");--> statement-breakpoint
CREATE INDEX "visits_visitor_idx" ON "visits" USING btree ("township_id","visitor_id","visited_at");--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_pkey" PRIMARY KEY ("township_id","id");--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_origin_key" UNIQUE("township_id","origin_key");--> statement-breakpoint
CREATE INDEX "problems_village_idx" ON "problems" USING btree ("township_id","village_id","status");--> statement-breakpoint
CREATE INDEX "problems_household_idx" ON "problems" USING btree ("township_id","household_id");--> statement-breakpoint
CREATE INDEX "problems_status_idx" ON "problems" USING btree ("township_id","status","deadline");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_pkey" PRIMARY KEY ("township_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("township_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("township_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("township_id","actor_id","at");--> statement-breakpoint
-- 5. Every foreign key of and into the five tables, as 0000 and 0004 made them.
ALTER TABLE "households" ADD CONSTRAINT "households_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_group_id_units_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_campaign_fk" FOREIGN KEY ("township_id","campaign_id") REFERENCES "public"."campaigns"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_flags" ADD CONSTRAINT "household_flags_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_problems" ADD CONSTRAINT "order_problems_problem_fk" FOREIGN KEY ("township_id","problem_id") REFERENCES "public"."problems"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_fk" FOREIGN KEY ("township_id","problem_id") REFERENCES "public"."problems"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_problem_fk" FOREIGN KEY ("township_id","problem_id") REFERENCES "public"."problems"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- 6. The audit log stays append-only (0001). The row trigger on the parent is cloned onto every
-- partition, so an UPDATE or DELETE is refused through the parent or straight on a partition. A
-- statement-level TRUNCATE trigger is not inherited: it goes on the parent and on each partition,
-- or `TRUNCATE audit_log_p03` would empty a sixteenth of the log.
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
DO $$
BEGIN
  FOR r IN 0..15 LOOP
    EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()',
      'audit_log_p' || lpad(r::text, 2, '0'));
  END LOOP;
END
$$;--> statement-breakpoint
-- 7. Fresh statistics: a partitioned parent is never analysed by autovacuum, and the planner's
-- estimates for a query over several partitions (the county view) come from the parent's.
ANALYZE "households", "members", "visits", "problems", "audit_log";
