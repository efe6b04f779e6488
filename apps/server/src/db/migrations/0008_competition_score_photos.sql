CREATE TABLE "competition_score_photos" (
	"township_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"score_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competition_score_photos_pkey" PRIMARY KEY("township_id","id")
);
--> statement-breakpoint
ALTER TABLE "competition_score_photos" ADD CONSTRAINT "competition_score_photos_score_fk" FOREIGN KEY ("township_id","score_id") REFERENCES "public"."competition_scores"("township_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_score_photos_score_idx" ON "competition_score_photos" USING btree ("township_id","score_id");