CREATE TABLE "household_flags" (
	"township_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"kind" text NOT NULL,
	"explanation_zh" text NOT NULL,
	"explanation_en" text NOT NULL,
	"values" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "household_flags_pkey" PRIMARY KEY("township_id","rule_set_id","household_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"detail" jsonb,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"definition" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	CONSTRAINT "rule_sets_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "rule_sets_version_key" UNIQUE("township_id","year","version")
);
--> statement-breakpoint
ALTER TABLE "household_flags" ADD CONSTRAINT "household_flags_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_flags" ADD CONSTRAINT "household_flags_rule_set_fk" FOREIGN KEY ("township_id","rule_set_id") REFERENCES "public"."rule_sets"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_flags_rule_idx" ON "household_flags" USING btree ("township_id","rule_set_id","rule_id");--> statement-breakpoint
CREATE INDEX "household_flags_household_idx" ON "household_flags" USING btree ("township_id","household_id");