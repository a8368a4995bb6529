CREATE TABLE `report_traffic_running` (
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`day` text NOT NULL,
	`views` integer NOT NULL,
	`visitors` integer NOT NULL,
	PRIMARY KEY(`dimension`, `value`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `report_traffic_running_day_idx` ON `report_traffic_running` (`day`);--> statement-breakpoint
CREATE TABLE `report_traffic_totals` (
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`views` integer NOT NULL,
	`visitors` integer NOT NULL,
	PRIMARY KEY(`dimension`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `report_product_running` (
	`grain` text NOT NULL,
	`key` text NOT NULL,
	`day` text NOT NULL,
	`product_id` text,
	`units` integer NOT NULL,
	`gross` integer NOT NULL,
	`discounts` integer NOT NULL,
	`refunded_units` integer NOT NULL,
	`refunded` integer NOT NULL,
	PRIMARY KEY(`grain`, `key`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `report_product_running_day_idx` ON `report_product_running` (`day`);--> statement-breakpoint
CREATE TABLE `report_product_totals` (
	`grain` text NOT NULL,
	`key` text NOT NULL,
	`product_id` text,
	`units` integer NOT NULL,
	`gross` integer NOT NULL,
	`discounts` integer NOT NULL,
	`refunded_units` integer NOT NULL,
	`refunded` integer NOT NULL,
	PRIMARY KEY(`grain`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `report_zone` ADD `running_through` text;--> statement-breakpoint
ALTER TABLE `report_zone` ADD `totals_through` text;--> statement-breakpoint
-- Hand-written (keep when regenerating): a write to a daily row before report_zone.running_through makes the running
-- totals from that day on stale, so the next fold (worker/services/reports/running.ts) recounts from there. Writes to
-- today, the usual case, are not folded yet and cost one lookup of report_zone.
CREATE TRIGGER report_product_running_stale_insert AFTER INSERT ON report_product_daily
WHEN NEW.day < (SELECT running_through FROM report_zone WHERE id = 1) BEGIN
  UPDATE report_zone SET running_through = NEW.day WHERE id = 1 AND running_through > NEW.day;
END;
--> statement-breakpoint
CREATE TRIGGER report_product_running_stale_update AFTER UPDATE ON report_product_daily
WHEN NEW.day < (SELECT running_through FROM report_zone WHERE id = 1) BEGIN
  UPDATE report_zone SET running_through = NEW.day WHERE id = 1 AND running_through > NEW.day;
END;
--> statement-breakpoint
CREATE TRIGGER report_product_running_stale_delete AFTER DELETE ON report_product_daily
WHEN OLD.day < (SELECT running_through FROM report_zone WHERE id = 1) BEGIN
  UPDATE report_zone SET running_through = OLD.day WHERE id = 1 AND running_through > OLD.day;
END;
--> statement-breakpoint
CREATE TRIGGER report_traffic_running_stale_insert AFTER INSERT ON report_traffic_daily
WHEN NEW.day < (SELECT running_through FROM report_zone WHERE id = 1) BEGIN
  UPDATE report_zone SET running_through = NEW.day WHERE id = 1 AND running_through > NEW.day;
END;
--> statement-breakpoint
CREATE TRIGGER report_traffic_running_stale_update AFTER UPDATE ON report_traffic_daily
WHEN NEW.day < (SELECT running_through FROM report_zone WHERE id = 1) BEGIN
  UPDATE report_zone SET running_through = NEW.day WHERE id = 1 AND running_through > NEW.day;
END;
--> statement-breakpoint
CREATE TRIGGER report_traffic_running_stale_delete AFTER DELETE ON report_traffic_daily
WHEN OLD.day < (SELECT running_through FROM report_zone WHERE id = 1) BEGIN
  UPDATE report_zone SET running_through = OLD.day WHERE id = 1 AND running_through > OLD.day;
END;
