-- Scratch rows of a committing import (see src/db/schema/imports.ts), unlogged like the other
-- staging tables (0011); Drizzle cannot express UNLOGGED, so that word was written by hand.
CREATE UNLOGGED TABLE "import_flags" (
	"township_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"household_number" text NOT NULL,
	"seq" integer NOT NULL,
	"rule_set_id" uuid,
	"rule_id" text,
	"kind" text,
	"explanation_zh" text,
	"explanation_en" text,
	"values" jsonb,
	CONSTRAINT "import_flags_pkey" PRIMARY KEY("township_id","import_id","household_number","seq")
);
