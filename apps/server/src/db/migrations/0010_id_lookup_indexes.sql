CREATE INDEX "visits_id_idx" ON "visits" USING btree ("id");--> statement-breakpoint
CREATE INDEX "households_id_idx" ON "households" USING btree ("id");--> statement-breakpoint
CREATE INDEX "problems_id_idx" ON "problems" USING btree ("id");