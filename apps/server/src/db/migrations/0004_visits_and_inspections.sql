CREATE TABLE "campaigns" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"phases" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "campaigns_year_key" UNIQUE("township_id","year")
);
--> statement-breakpoint
CREATE TABLE "discrepancies" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"member_id" uuid,
	"kind" text NOT NULL,
	"field" text,
	"registry_value" jsonb,
	"observed_value" jsonb,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "discrepancies_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "village_summaries" (
	"township_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"kind" text DEFAULT 'visit' NOT NULL,
	"status" text NOT NULL,
	"data" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	CONSTRAINT "village_summaries_pkey" PRIMARY KEY("township_id","campaign_id","village_id","kind")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"form_type" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy" double precision,
	"base_version" integer NOT NULL,
	"form" jsonb NOT NULL,
	"computed" jsonb NOT NULL,
	"plausibility" jsonb NOT NULL,
	"members_confirmed" integer NOT NULL,
	CONSTRAINT "visits_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"target" text NOT NULL,
	"scope" text NOT NULL,
	"label" text,
	"items" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checklists_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "checklists_target_key" UNIQUE("township_id","target")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"village_id" uuid,
	"site_id" uuid,
	"sector" text,
	"inspector_id" uuid NOT NULL,
	"inspected_at" timestamp with time zone NOT NULL,
	"results" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inspections_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "sites_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "order_problems" (
	"township_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "order_problems_pkey" PRIMARY KEY("township_id","order_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"data" jsonb,
	CONSTRAINT "problem_events_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "problem_evidence" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "problem_evidence_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source" text NOT NULL,
	"category" text NOT NULL,
	"village_id" uuid,
	"household_id" uuid,
	"site_id" uuid,
	"description" text NOT NULL,
	"measures" text,
	"level" text NOT NULL,
	"responsible_unit_id" uuid,
	"responsible_user_id" uuid,
	"deadline" date,
	"status" text NOT NULL,
	"origin_key" text,
	"visit_id" uuid,
	"campaign_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"reopened_count" integer DEFAULT 0 NOT NULL,
	"inspection_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "problems_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "problems_origin_key" UNIQUE("township_id","origin_key")
);
--> statement-breakpoint
CREATE TABLE "supervision_orders" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"responsible_user_ids" jsonb NOT NULL,
	"note" text,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"overdue_at" timestamp with time zone,
	CONSTRAINT "supervision_orders_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "supervision_orders_number_key" UNIQUE("township_id","number")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_summaries" ADD CONSTRAINT "village_summaries_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_summaries" ADD CONSTRAINT "village_summaries_campaign_fk" FOREIGN KEY ("township_id","campaign_id") REFERENCES "public"."campaigns"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_campaign_fk" FOREIGN KEY ("township_id","campaign_id") REFERENCES "public"."campaigns"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_problems" ADD CONSTRAINT "order_problems_order_fk" FOREIGN KEY ("township_id","order_id") REFERENCES "public"."supervision_orders"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_problems" ADD CONSTRAINT "order_problems_problem_fk" FOREIGN KEY ("township_id","problem_id") REFERENCES "public"."problems"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_fk" FOREIGN KEY ("township_id","problem_id") REFERENCES "public"."problems"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_problem_fk" FOREIGN KEY ("township_id","problem_id") REFERENCES "public"."problems"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discrepancies_household_idx" ON "discrepancies" USING btree ("township_id","household_id","status");--> statement-breakpoint
CREATE INDEX "discrepancies_visit_idx" ON "discrepancies" USING btree ("township_id","visit_id");--> statement-breakpoint
CREATE INDEX "visits_household_idx" ON "visits" USING btree ("township_id","campaign_id","household_id");--> statement-breakpoint
CREATE INDEX "visits_visitor_idx" ON "visits" USING btree ("township_id","visitor_id","visited_at");--> statement-breakpoint
CREATE INDEX "inspections_village_idx" ON "inspections" USING btree ("township_id","campaign_id","village_id");--> statement-breakpoint
CREATE INDEX "sites_village_idx" ON "sites" USING btree ("township_id","village_id");--> statement-breakpoint
CREATE INDEX "order_problems_problem_idx" ON "order_problems" USING btree ("township_id","problem_id");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("township_id","problem_id","at");--> statement-breakpoint
CREATE INDEX "problem_evidence_problem_idx" ON "problem_evidence" USING btree ("township_id","problem_id");--> statement-breakpoint
CREATE INDEX "problems_village_idx" ON "problems" USING btree ("township_id","village_id","status");--> statement-breakpoint
CREATE INDEX "problems_household_idx" ON "problems" USING btree ("township_id","household_id");--> statement-breakpoint
CREATE INDEX "problems_status_idx" ON "problems" USING btree ("township_id","status","deadline");