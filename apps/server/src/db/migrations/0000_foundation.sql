CREATE TABLE "audit_log" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"unit_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	CONSTRAINT "audit_log_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"group_id" uuid,
	"household_number" varchar(40),
	"head_name" text NOT NULL,
	"head_pinyin" text DEFAULT '' NOT NULL,
	"address" text,
	"phone" text,
	"poverty_status" text DEFAULT 'none' NOT NULL,
	"exit_year" integer,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"housing_structure" text,
	"other_safe_house" boolean DEFAULT false NOT NULL,
	"housing_grade" text,
	"hazard_point" text,
	"water_quantity_ok" boolean,
	"water_quality_ok" boolean,
	"water_convenience_ok" boolean,
	"water_reliability_ok" boolean,
	"income_year" integer,
	"wage_income" numeric(12, 2) DEFAULT 0 NOT NULL,
	"business_income" numeric(12, 2) DEFAULT 0 NOT NULL,
	"property_income" numeric(12, 2) DEFAULT 0 NOT NULL,
	"transfer_income" numeric(12, 2) DEFAULT 0 NOT NULL,
	"industry_projects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assistance_measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"industry_failed" boolean DEFAULT false NOT NULL,
	"employment_unstable" boolean DEFAULT false NOT NULL,
	"low_motivation_note" text,
	"risk_note" text,
	"latitude" double precision,
	"longitude" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "households_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "households_number_key" UNIQUE("township_id","household_number")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"id_number" varchar(18),
	"relation" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date,
	"marital_status" text,
	"labour_capacity" text,
	"health" text,
	"disability_grade" integer,
	"schooling_stage" text,
	"employment" text,
	"medical_insurance" boolean,
	"serious_illness_insurance" boolean,
	"pension_insurance" boolean,
	"status" text DEFAULT 'current' NOT NULL,
	"status_date" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "members_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "members_id_number_key" UNIQUE("township_id","id_number")
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"township_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"since" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pairings_pkey" PRIMARY KEY("township_id","household_id","cadre_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"county_id" uuid NOT NULL,
	"township_id" uuid,
	"village_id" uuid,
	"code" varchar(12),
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "units_code_key" UNIQUE("code"),
	CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('county', 'township', 'village', 'group')),
	CONSTRAINT "units_chain_check" CHECK (("units"."kind" = 'county' and "units"."parent_id" is null and "units"."township_id" is null and "units"."county_id" = "units"."id")
       or ("units"."kind" = 'township' and "units"."parent_id" = "units"."county_id" and "units"."township_id" = "units"."id")
       or ("units"."kind" = 'village' and "units"."parent_id" = "units"."township_id" and "units"."village_id" is null)
       or ("units"."kind" = 'group' and "units"."parent_id" = "units"."village_id"))
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"sector" text,
	"title" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "role_assignments_once" UNIQUE NULLS NOT DISTINCT("user_id","role","unit_id","sector")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"phone" text,
	"home_unit_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_username_key" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_group_id_units_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_cadre_id_users_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_household_fk" FOREIGN KEY ("township_id","household_id") REFERENCES "public"."households"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_county_id_units_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_home_unit_id_units_id_fk" FOREIGN KEY ("home_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("township_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("township_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("township_id","actor_id","at");--> statement-breakpoint
CREATE INDEX "households_village_idx" ON "households" USING btree ("township_id","village_id","group_id");--> statement-breakpoint
CREATE INDEX "households_status_idx" ON "households" USING btree ("township_id","poverty_status");--> statement-breakpoint
CREATE INDEX "members_household_idx" ON "members" USING btree ("township_id","household_id","sort_order");--> statement-breakpoint
CREATE INDEX "pairings_cadre_idx" ON "pairings" USING btree ("township_id","cadre_id");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "units_township_idx" ON "units" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "role_assignments_unit_idx" ON "role_assignments" USING btree ("unit_id","role");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_home_unit_idx" ON "users" USING btree ("home_unit_id");