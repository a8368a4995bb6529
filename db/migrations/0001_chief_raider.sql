ALTER TABLE `idempotency_keys` ADD `caller` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `claim_token` text;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `replay` text;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `failed_at` integer;--> statement-breakpoint
CREATE INDEX `idempotency_keys_caller_created_idx` ON `idempotency_keys` (`caller`,`created_at`);