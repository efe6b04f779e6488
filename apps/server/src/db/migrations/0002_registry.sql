CREATE TABLE "import_errors" (
	"township_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sheet" text NOT NULL,
	"row_no" integer NOT NULL,
	"column_letter" text,
	"header" text,
	"message_key" text NOT NULL,
	"params" jsonb,
	CONSTRAINT "import_errors_pkey" PRIMARY KEY("township_id","import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_households" (
	"township_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"household_number" text NOT NULL,
	"household_id" uuid,
	"data" jsonb,
	CONSTRAINT "import_households_pkey" PRIMARY KEY("township_id","import_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "import_members" (
	"township_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"household_number" text NOT NULL,
	"id_number" text,
	"member_id" uuid,
	"data" jsonb NOT NULL,
	CONSTRAINT "import_members_pkey" PRIMARY KEY("township_id","import_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"failure" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "imports_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
CREATE TABLE "household_tags" (
	"township_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "household_tags_pkey" PRIMARY KEY("township_id","code")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_tags" ADD CONSTRAINT "household_tags_township_id_units_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_households_number_idx" ON "import_households" USING btree ("township_id","import_id","household_number");--> statement-breakpoint
CREATE INDEX "import_members_number_idx" ON "import_members" USING btree ("township_id","import_id","household_number");--> statement-breakpoint
CREATE INDEX "import_members_id_idx" ON "import_members" USING btree ("township_id","import_id","id_number");--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("township_id","created_at");