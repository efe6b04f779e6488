DROP INDEX "import_households_number_idx";--> statement-breakpoint
DROP INDEX "import_members_number_idx";--> statement-breakpoint
DROP INDEX "import_members_id_idx";--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "valid" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "village_id" uuid;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "poverty_status" text;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "exit_year" integer;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "tags" text[];--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "housing_structure" text;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "other_safe_house" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "housing_grade" text;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "hazard_point" text;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "water_quantity_ok" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "water_quality_ok" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "water_convenience_ok" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "water_reliability_ok" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "income_year" integer;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "wage_income" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "business_income" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "property_income" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "transfer_income" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "industry_projects" jsonb;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "assistance_measures" jsonb;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "industry_failed" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "employment_unstable" boolean;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "low_motivation_note" text;--> statement-breakpoint
ALTER TABLE "import_households" ADD COLUMN "risk_note" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "name_pinyin" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "relation" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "marital_status" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "labour_capacity" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "health" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "disability_grade" integer;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "schooling_stage" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "employment" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "medical_insurance" boolean;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "serious_illness_insurance" boolean;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "pension_insurance" boolean;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "import_members" ADD COLUMN "status_date" date;--> statement-breakpoint
-- Rows staged before this migration (files read but not yet committed) keep their data.
UPDATE "import_households" s SET "valid" = s."data" IS NOT NULL, ("village_id", "group_id", "address", "phone", "poverty_status", "exit_year", "tags", "housing_structure", "other_safe_house", "housing_grade", "hazard_point", "water_quantity_ok", "water_quality_ok", "water_convenience_ok", "water_reliability_ok", "income_year", "wage_income", "business_income", "property_income", "transfer_income", "industry_projects", "assistance_measures", "industry_failed", "employment_unstable", "low_motivation_note", "risk_note") = (SELECT r."village_id", r."group_id", r."address", r."phone", r."poverty_status", r."exit_year", r."tags", r."housing_structure", r."other_safe_house", r."housing_grade", r."hazard_point", r."water_quantity_ok", r."water_quality_ok", r."water_convenience_ok", r."water_reliability_ok", r."income_year", r."wage_income", r."business_income", r."property_income", r."transfer_income", r."industry_projects", r."assistance_measures", r."industry_failed", r."employment_unstable", r."low_motivation_note", r."risk_note" FROM jsonb_populate_record(NULL::"households", s."data") r);--> statement-breakpoint
UPDATE "import_members" s SET ("name", "name_pinyin", "relation", "sex", "birth_date", "marital_status", "labour_capacity", "health", "disability_grade", "schooling_stage", "employment", "medical_insurance", "serious_illness_insurance", "pension_insurance", "status", "status_date") = (SELECT r."name", r."name_pinyin", r."relation", r."sex", r."birth_date", r."marital_status", r."labour_capacity", r."health", r."disability_grade", r."schooling_stage", r."employment", r."medical_insurance", r."serious_illness_insurance", r."pension_insurance", r."status", r."status_date" FROM jsonb_populate_record(NULL::"members", s."data") r);--> statement-breakpoint
ALTER TABLE "import_households" ALTER COLUMN "valid" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "import_households" DROP COLUMN "data";--> statement-breakpoint
ALTER TABLE "import_members" DROP COLUMN "data";
