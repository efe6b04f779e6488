-- The import staging tables become UNLOGGED (issue 3's import benchmark). Their rows are scratch
-- (see src/db/schema/imports.ts): written once by COPY while a file is read, read by the checks
-- and the commit, deleted after it. Written to the WAL they cost a second copy of every staged
-- row, the fsync of each batch's commit and the deletes' records, and a streaming replica would
-- receive rows it never reads. Unlogged, they are emptied by crash recovery: an import checked
-- before a crash then has nothing staged, and committing it is refused (IMPORT_FAILED: upload it
-- again) rather than committing nothing. Drizzle cannot express UNLOGGED, so this migration is
-- written by hand and the Drizzle schema is unchanged.
ALTER TABLE "import_households" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "import_members" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "import_errors" SET UNLOGGED;
