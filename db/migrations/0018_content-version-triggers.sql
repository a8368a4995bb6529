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
