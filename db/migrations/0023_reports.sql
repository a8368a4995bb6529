CREATE TABLE `report_country_daily` (
	`day` text NOT NULL,
	`country` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`net` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `country`, `region`)
);
--> statement-breakpoint
CREATE TABLE `report_product_daily` (
	`day` text NOT NULL,
	`sku` text NOT NULL,
	`product_id` text,
	`units` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`refunded_units` integer DEFAULT 0 NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `sku`)
);
--> statement-breakpoint
CREATE INDEX `report_product_daily_product_idx` ON `report_product_daily` (`product_id`);--> statement-breakpoint
CREATE TABLE `report_promotion_daily` (
	`day` text NOT NULL,
	`promotion_id` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`uses` integer DEFAULT 0 NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `promotion_id`, `code`)
);
--> statement-breakpoint
CREATE TABLE `report_sales_daily` (
	`day` text PRIMARY KEY NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`units` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`shipping` integer DEFAULT 0 NOT NULL,
	`tax` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	`new_customer_orders` integer DEFAULT 0 NOT NULL,
	`account_orders` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_zone` (
	`id` integer PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	`rebuilt_at` integer,
	CONSTRAINT "report_zone_single_row" CHECK("report_zone"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `report_zone_offsets` (
	`starts_at` integer PRIMARY KEY NOT NULL,
	`offset_minutes` integer NOT NULL
);
