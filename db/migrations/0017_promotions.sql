-- The first promotions and discount_codes tables held only demo rows in a shape nothing read; they are rebuilt empty
-- (a fresh store's seed fills them).
CREATE TABLE `code_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`promotion_id` text NOT NULL,
	`prefix` text NOT NULL,
	`quantity` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`deactivated_at` integer,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `code_batches_promotion_idx` ON `code_batches` (`promotion_id`);--> statement-breakpoint
CREATE TABLE `promotion_uses` (
	`id` text PRIMARY KEY NOT NULL,
	`promotion_id` text NOT NULL,
	`code` text,
	`usage_key` text,
	`usage_email` text,
	`checkout_id` text NOT NULL,
	`order_id` text,
	`state` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "promotion_uses_state_check" CHECK("promotion_uses"."state" in ('held', 'confirmed', 'released'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promotion_uses_checkout_idx` ON `promotion_uses` (`checkout_id`,`promotion_id`);--> statement-breakpoint
CREATE INDEX `promotion_uses_live_idx` ON `promotion_uses` (`promotion_id`,`state`,`expires_at`);--> statement-breakpoint
CREATE INDEX `promotion_uses_customer_idx` ON `promotion_uses` (`promotion_id`,`usage_key`);--> statement-breakpoint
CREATE INDEX `promotion_uses_email_idx` ON `promotion_uses` (`promotion_id`,`usage_email`);--> statement-breakpoint
CREATE INDEX `promotion_uses_code_idx` ON `promotion_uses` (`code`,`state`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_discount_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`promotion_id` text NOT NULL,
	`batch_id` text,
	`max_uses` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `code_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "discount_codes_upper_check" CHECK("__new_discount_codes"."code" = upper("__new_discount_codes"."code")),
	CONSTRAINT "discount_codes_max_uses_check" CHECK(coalesce("__new_discount_codes"."max_uses", 1) > 0)
);
--> statement-breakpoint
DROP TABLE `discount_codes`;--> statement-breakpoint
ALTER TABLE `__new_discount_codes` RENAME TO `discount_codes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `discount_codes_promotion_idx` ON `discount_codes` (`promotion_id`);--> statement-breakpoint
CREATE INDEX `discount_codes_batch_idx` ON `discount_codes` (`batch_id`);--> statement-breakpoint
CREATE TABLE `__new_promotions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`trigger_kind` text NOT NULL,
	`rules` text NOT NULL,
	`currency` text,
	`starts_at` integer,
	`ends_at` integer,
	`usage_limit` integer,
	`per_customer_limit` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "promotions_trigger_check" CHECK("__new_promotions"."trigger_kind" in ('code', 'automatic')),
	CONSTRAINT "promotions_limits_check" CHECK(coalesce("__new_promotions"."usage_limit", 1) > 0 and coalesce("__new_promotions"."per_customer_limit", 1) > 0),
	CONSTRAINT "promotions_window_check" CHECK("__new_promotions"."starts_at" is null or "__new_promotions"."ends_at" is null or "__new_promotions"."starts_at" < "__new_promotions"."ends_at")
);
--> statement-breakpoint
DROP TABLE `promotions`;--> statement-breakpoint
ALTER TABLE `__new_promotions` RENAME TO `promotions`;--> statement-breakpoint
CREATE INDEX `promotions_active_idx` ON `promotions` (`active`,`trigger_kind`);