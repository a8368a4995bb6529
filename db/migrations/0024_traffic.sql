CREATE TABLE `report_funnel_daily` (
	`day` text NOT NULL,
	`step` text NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `step`)
);
--> statement-breakpoint
CREATE TABLE `report_traffic_daily` (
	`day` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `dimension`, `value`)
);
--> statement-breakpoint
CREATE TABLE `traffic_events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	`visitor` text NOT NULL,
	`path` text,
	`product_id` text,
	`referrer_host` text,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`device` text NOT NULL,
	`browser` text NOT NULL,
	`country` text,
	`rolled` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `traffic_events_day_idx` ON `traffic_events` (`day`);--> statement-breakpoint
CREATE INDEX `traffic_events_pending_idx` ON `traffic_events` (`day`) WHERE "traffic_events"."rolled" = 0;--> statement-breakpoint
CREATE TABLE `traffic_salts` (
	`day` text PRIMARY KEY NOT NULL,
	`salt` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `traffic_visitor_load` (
	`day` text NOT NULL,
	`visitor` text NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `visitor`)
);
--> statement-breakpoint
CREATE TABLE `traffic_visitors` (
	`day` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`visitor` text NOT NULL,
	`fresh` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`day`, `dimension`, `value`, `visitor`)
);
--> statement-breakpoint
CREATE INDEX `traffic_visitors_fresh_idx` ON `traffic_visitors` (`day`,`dimension`,`value`) WHERE "traffic_visitors"."fresh" = 1;--> statement-breakpoint
DROP TABLE `events`;