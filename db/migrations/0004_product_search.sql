-- Full-text search over products (hand-written: drizzle-kit has no virtual tables). An external-content FTS5 index
-- on products' name, brand and description: Porter stemming over unicode61 (diacritics folded), prefix indexes for
-- 2- and 3-character prefixes so "as you type" queries stay on the index. Triggers keep it in step with products.
-- `wrangler d1 export` refuses databases holding virtual tables: see docs/architecture.md ("Backups") for the path.
CREATE VIRTUAL TABLE `product_search` USING fts5(
	`name`, `brand`, `description`,
	content='products', content_rowid='rowid',
	tokenize='porter unicode61 remove_diacritics 2',
	prefix='2 3'
);
--> statement-breakpoint
INSERT INTO `product_search`(`product_search`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `products_search_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO `product_search`(`rowid`, `name`, `brand`, `description`)
	VALUES (new.`rowid`, new.`name`, new.`brand`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_search_delete` AFTER DELETE ON `products` BEGIN
	INSERT INTO `product_search`(`product_search`, `rowid`, `name`, `brand`, `description`)
	VALUES ('delete', old.`rowid`, old.`name`, old.`brand`, old.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_search_update` AFTER UPDATE OF `name`, `brand`, `description` ON `products` BEGIN
	INSERT INTO `product_search`(`product_search`, `rowid`, `name`, `brand`, `description`)
	VALUES ('delete', old.`rowid`, old.`name`, old.`brand`, old.`description`);
	INSERT INTO `product_search`(`rowid`, `name`, `brand`, `description`)
	VALUES (new.`rowid`, new.`name`, new.`brand`, new.`description`);
END;
