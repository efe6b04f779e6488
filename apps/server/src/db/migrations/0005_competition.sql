CREATE TABLE "competition_assignments" (
	"township_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"part" text NOT NULL,
	"village_id" uuid NOT NULL,
	CONSTRAINT "competition_assignments_pkey" PRIMARY KEY("township_id","round_id","part","village_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "competition_nominations" (
	"township_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"group_ids" jsonb NOT NULL,
	"nominated_by" uuid,
	"nominated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competition_nominations_pkey" PRIMARY KEY("township_id","round_id","village_id")
);
--> statement-breakpoint
CREATE TABLE "competition_objections" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"village_id" uuid,
	"text" text NOT NULL,
	"raised_by" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "competition_objections_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "competition_rounds" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"rubric" jsonb NOT NULL,
	"prizes" jsonb NOT NULL,
	"sample_size" integer NOT NULL,
	"publicity_days" integer NOT NULL,
	"published_on" date,
	"ranking" jsonb,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"finalised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "competition_rounds_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "competition_rounds_month_key" UNIQUE("township_id","month")
);
--> statement-breakpoint
CREATE TABLE "competition_samples" (
	"township_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"record" jsonb NOT NULL,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competition_samples_pkey" PRIMARY KEY("township_id","round_id","village_id")
);
--> statement-breakpoint
CREATE TABLE "competition_scores" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"part" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"sheet" jsonb NOT NULL,
	"note" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "competition_scores_pkey" PRIMARY KEY("township_id","id"),
	CONSTRAINT "competition_scores_subject_key" UNIQUE("township_id","round_id","part","subject_id")
);
--> statement-breakpoint
CREATE TABLE "competition_settings" (
	"township_id" uuid PRIMARY KEY NOT NULL,
	"rubric" jsonb NOT NULL,
	"prizes" jsonb NOT NULL,
	"sample_size" integer NOT NULL,
	"publicity_days" integer NOT NULL,
	"weight" numeric(3, 2) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_year_scores" (
	"township_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"village_id" uuid NOT NULL,
	"other_score" numeric(5, 2) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competition_year_scores_pkey" PRIMARY KEY("township_id","year","village_id")
);
--> statement-breakpoint
ALTER TABLE "competition_assignments" ADD CONSTRAINT "competition_assignments_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_assignments" ADD CONSTRAINT "competition_assignments_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_nominations" ADD CONSTRAINT "competition_nominations_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_nominations" ADD CONSTRAINT "competition_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_objections" ADD CONSTRAINT "competition_objections_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_objections" ADD CONSTRAINT "competition_objections_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_objections" ADD CONSTRAINT "competition_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_rounds" ADD CONSTRAINT "competition_rounds_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_rounds" ADD CONSTRAINT "competition_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_samples" ADD CONSTRAINT "competition_samples_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_samples" ADD CONSTRAINT "competition_samples_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_settings" ADD CONSTRAINT "competition_settings_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_year_scores" ADD CONSTRAINT "competition_year_scores_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_assignments_judge_idx" ON "competition_assignments" USING btree ("township_id","judge_id");--> statement-breakpoint
CREATE INDEX "competition_objections_round_idx" ON "competition_objections" USING btree ("township_id","round_id");