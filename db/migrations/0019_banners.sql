CREATE TABLE `nav_links` (
	`id` text PRIMARY KEY NOT NULL,
	`menu` text NOT NULL,
	`label` text NOT NULL,
	`href` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `nav_links_menu_idx` ON `nav_links` (`menu`,`position`);--> statement-breakpoint
CREATE TABLE `schedule_marks` (
	`owner_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`owner_id`, `at`)
);
--> statement-breakpoint
CREATE INDEX `schedule_marks_at_idx` ON `schedule_marks` (`at`);--> statement-breakpoint
DROP INDEX `banners_placement_idx`;--> statement-breakpoint
ALTER TABLE `banners` ADD `category_id` text;--> statement-breakpoint
ALTER TABLE `banners` ADD `audience` text DEFAULT 'everyone' NOT NULL;--> statement-breakpoint
ALTER TABLE `banners` ADD `image_url` text;--> statement-breakpoint
ALTER TABLE `banners` ADD `image_alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `banners` ADD `priority` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `banners` ADD `created_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `banners` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `banners_placement_idx` ON `banners` (`placement`,`active`);--> statement-breakpoint
ALTER TABLE `banners` DROP COLUMN `position`;--> statement-breakpoint
-- Banners and the shop's menus are on every cached shop page: any write to them bumps the catalog version (as the
-- catalog's own triggers in 0005_catalog do), so the edge cache's keys and the menus' isolate memo change at once.
-- Scheduled starts and ends need no write: they are counted through schedule_marks (db/repositories/schedule-marks.ts).
CREATE TRIGGER `banners_version_insert` AFTER INSERT ON `banners` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `banners_version_update` AFTER UPDATE ON `banners` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `banners_version_delete` AFTER DELETE ON `banners` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nav_links_version_insert` AFTER INSERT ON `nav_links` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nav_links_version_update` AFTER UPDATE ON `nav_links` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nav_links_version_delete` AFTER DELETE ON `nav_links` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
