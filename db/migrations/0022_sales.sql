PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sales` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`basis_points` integer NOT NULL,
	`product_ids` text NOT NULL,
	`category_ids` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "sales_bps_check" CHECK("__new_sales"."basis_points" between 1 and 10000),
	CONSTRAINT "sales_window_check" CHECK("__new_sales"."starts_at" < "__new_sales"."ends_at")
);
--> statement-breakpoint
-- Hand-edited: drizzle-kit copied columns the old table does not have. An old sale's one product or category becomes a set of one; it has no timestamps, so its start stands in for them.
INSERT INTO `__new_sales`("id", "name", "basis_points", "product_ids", "category_ids", "starts_at", "ends_at", "active", "created_at", "updated_at") SELECT "id", "name", "percent_off_bps", CASE WHEN "product_id" IS NULL THEN '[]' ELSE json_array("product_id") END, CASE WHEN "category_id" IS NULL THEN '[]' ELSE json_array("category_id") END, "starts_at", "ends_at", "active", "starts_at", "starts_at" FROM `sales` WHERE "starts_at" < "ends_at";--> statement-breakpoint
DROP TABLE `sales`;--> statement-breakpoint
ALTER TABLE `__new_sales` RENAME TO `sales`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `sales_live_idx` ON `sales` (`active`,`ends_at`);--> statement-breakpoint
-- Hand-written: a sale changes the prices cached pages show, so every write to it bumps the catalog version (as the
-- banner triggers in 0019 do). Its start and end need no write: they are schedule marks (db/repositories/sales.ts).
CREATE TRIGGER `sales_version_insert` AFTER INSERT ON `sales` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sales_version_update` AFTER UPDATE ON `sales` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sales_version_delete` AFTER DELETE ON `sales` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
