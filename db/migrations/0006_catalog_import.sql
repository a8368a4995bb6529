CREATE TABLE `catalog_import_rows` (
	`import_id` text NOT NULL,
	`kind` text NOT NULL,
	`seq` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`import_id`, `kind`, `seq`),
	FOREIGN KEY (`import_id`) REFERENCES `catalog_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `catalog_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`status` text NOT NULL,
	`file_name` text DEFAULT '' NOT NULL,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`rows_done` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`errors` text,
	`summary` text,
	`applied` integer DEFAULT 0 NOT NULL,
	`conflicts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "catalog_imports_status_check" CHECK("catalog_imports"."status" in ('validating', 'staging', 'applying', 'applied', 'rejected', 'failed')),
	CONSTRAINT "catalog_imports_applied_check" CHECK("catalog_imports"."applied" <= 1),
	CONSTRAINT "catalog_imports_conflicts_check" CHECK("catalog_imports"."conflicts" = 0)
);
--> statement-breakpoint
CREATE INDEX `catalog_imports_created_idx` ON `catalog_imports` (`created_at`);