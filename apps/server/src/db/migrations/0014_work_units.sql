-- 派出单位 and their heads (src/db/schema/work-units.ts); a cadre's account names its unit.
CREATE TABLE "work_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"township_id" uuid NOT NULL,
	"name" text NOT NULL,
	"head_name" text,
	"head_title" text,
	"head_phone" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "work_units_name_key" UNIQUE("township_id","name")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "work_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "work_units" ADD CONSTRAINT "work_units_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_work_unit_idx" ON "users" USING btree ("work_unit_id");