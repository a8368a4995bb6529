CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`staff_email` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`request_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_staff_at_idx` ON `audit_log` (`staff_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `auth_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`kind` text NOT NULL,
	`principal_id` text,
	`email` text NOT NULL,
	`data` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	CONSTRAINT "auth_tokens_purpose_check" CHECK("auth_tokens"."purpose" in ('verify-email', 'reset-password', 'change-email', 'unlock-account', 'staff-invite')),
	CONSTRAINT "auth_tokens_kind_check" CHECK("auth_tokens"."kind" in ('customer', 'staff'))
);
--> statement-breakpoint
CREATE INDEX `auth_tokens_principal_idx` ON `auth_tokens` (`kind`,`principal_id`,`purpose`);--> statement-breakpoint
CREATE INDEX `auth_tokens_purpose_created_idx` ON `auth_tokens` (`purpose`,`created_at`);--> statement-breakpoint
CREATE INDEX `auth_tokens_expires_idx` ON `auth_tokens` (`expires_at`);--> statement-breakpoint
CREATE TABLE `login_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failed_at` integer NOT NULL,
	`locked_until` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_throttles_last_failed_idx` ON `login_throttles` (`last_failed_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`principal_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`user_agent` text,
	CONSTRAINT "sessions_kind_check" CHECK("sessions"."kind" in ('customer', 'staff'))
);
--> statement-breakpoint
CREATE INDEX `sessions_principal_idx` ON `sessions` (`kind`,`principal_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
DROP TABLE `customer_sessions`;--> statement-breakpoint
DROP TABLE `staff_sessions`;--> statement-breakpoint
-- Hand-edited: drizzle-kit selected the new columns from the old table and would have lost each user's role.
-- Roles move to staff_roles; staff_users is rebuilt before anything references it (D1 enforces foreign keys).
CREATE TABLE `__staff_roles_carry` AS SELECT `id` AS `staff_id`, `role` FROM `staff_users`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
INSERT INTO `__new_staff_users`("id", "email", "password_hash", "name", "created_at", "updated_at", "disabled_at") SELECT "id", "email", "password_hash", "name", "created_at", "created_at", NULL FROM `staff_users`;--> statement-breakpoint
DROP TABLE `staff_users`;--> statement-breakpoint
ALTER TABLE `__new_staff_users` RENAME TO `staff_users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_unique` ON `staff_users` (`email`);--> statement-breakpoint
CREATE TABLE `staff_roles` (
	`staff_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`staff_id`, `role`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "staff_roles_role_check" CHECK("staff_roles"."role" in ('admin', 'content', 'warehouse'))
);
--> statement-breakpoint
CREATE INDEX `staff_roles_role_idx` ON `staff_roles` (`role`);--> statement-breakpoint
INSERT INTO `staff_roles` (`staff_id`, `role`) SELECT `staff_id`, `role` FROM `__staff_roles_carry`;--> statement-breakpoint
DROP TABLE `__staff_roles_carry`;--> statement-breakpoint
ALTER TABLE `addresses` ADD `company` text;--> statement-breakpoint
ALTER TABLE `addresses` ADD `created_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `email_verified_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `deleted_at` integer;--> statement-breakpoint
-- Hand-edited: accounts made before email verification existed count as verified (they could already log in).
UPDATE `customers` SET `email_verified_at` = `created_at`, `updated_at` = `created_at`;
