ALTER TABLE `checkouts` ADD `discount_codes` text;--> statement-breakpoint
ALTER TABLE `checkouts` ADD `promotions` text;--> statement-breakpoint
ALTER TABLE `promotion_uses` ADD `discount_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written (keep when regenerating): a promotion's change bumps the catalog version, so the isolates' memo of
-- automatic promotions (worker/services/promotions/active.ts) and cached pages showing sale prices are read again.
CREATE TRIGGER `promotions_version_insert` AFTER INSERT ON `promotions` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `promotions_version_update` AFTER UPDATE ON `promotions` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `promotions_version_delete` AFTER DELETE ON `promotions` BEGIN
	UPDATE `catalog_state` SET `version` = `version` + 1,
		`updated_at` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1;
END;
