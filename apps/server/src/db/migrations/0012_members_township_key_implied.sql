ALTER TABLE "members" DROP CONSTRAINT "members_township_id_units_id_fk";
