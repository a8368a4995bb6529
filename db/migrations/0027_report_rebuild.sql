ALTER TABLE `report_zone` ADD `rebuild_job` text;--> statement-breakpoint
ALTER TABLE `report_zone` ADD `rebuild_from` text;--> statement-breakpoint
ALTER TABLE `report_zone` ADD `rebuild_to` text;--> statement-breakpoint
ALTER TABLE `report_zone` ADD `rebuild_done_through` text;--> statement-breakpoint
ALTER TABLE `report_zone` ADD `rebuild_started_at` integer;--> statement-breakpoint
ALTER TABLE `report_zone` ADD `rebuild_progress_at` integer;