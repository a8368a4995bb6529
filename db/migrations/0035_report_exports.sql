CREATE TABLE `report_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`report` text NOT NULL,
	`params` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`parts` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	CONSTRAINT "report_exports_status" CHECK("report_exports"."status" IN ('running', 'done', 'failed') AND "report_exports"."report" IN ('products')),
	CONSTRAINT "report_exports_progress" CHECK("report_exports"."done" >= 0 AND "report_exports"."rows" >= 0 AND "report_exports"."parts" >= 0)
);
--> statement-breakpoint
CREATE INDEX `report_exports_created_idx` ON `report_exports` (`created_at`);