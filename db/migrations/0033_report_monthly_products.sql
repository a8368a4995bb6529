CREATE TABLE `report_product_monthly_products` (
	`month` text NOT NULL,
	`key` text NOT NULL,
	`units` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `key`)
);
--> statement-breakpoint
CREATE INDEX `report_product_monthly_products_units_idx` ON `report_product_monthly_products` (`month`,"units" DESC,`key`);--> statement-breakpoint
CREATE INDEX `report_product_monthly_products_gross_idx` ON `report_product_monthly_products` (`month`,"gross" DESC,`key`);--> statement-breakpoint
-- Hand-written: triggers keeping each (month, product) row equal to its daily rows' units and gross, as migration
-- 0026 keeps report_product_monthly (an update within the same month and product moves the row by the difference,
-- any other update takes the old row out and adds the new one; a row at zero units and gross is dropped, so a
-- refund alone adds none), then the fill.
CREATE TRIGGER report_product_month_key_insert AFTER INSERT ON report_product_daily
WHEN NEW.units <> 0 OR NEW.gross <> 0
BEGIN
  INSERT INTO report_product_monthly_products (month, key, units, gross)
  VALUES (substr(NEW.day, 1, 7), coalesce(NEW.product_id, NEW.sku), NEW.units, NEW.gross)
  ON CONFLICT(month, key) DO UPDATE SET units = units + excluded.units, gross = gross + excluded.gross;
  DELETE FROM report_product_monthly_products
  WHERE month = substr(NEW.day, 1, 7) AND key = coalesce(NEW.product_id, NEW.sku) AND units = 0 AND gross = 0;
END;
--> statement-breakpoint
CREATE TRIGGER report_product_month_key_update AFTER UPDATE ON report_product_daily
WHEN substr(OLD.day, 1, 7) = substr(NEW.day, 1, 7) AND coalesce(OLD.product_id, OLD.sku) = coalesce(NEW.product_id, NEW.sku)
  AND (NEW.units <> OLD.units OR NEW.gross <> OLD.gross)
BEGIN
  INSERT INTO report_product_monthly_products (month, key, units, gross)
  VALUES (substr(NEW.day, 1, 7), coalesce(NEW.product_id, NEW.sku), NEW.units - OLD.units, NEW.gross - OLD.gross)
  ON CONFLICT(month, key) DO UPDATE SET units = units + excluded.units, gross = gross + excluded.gross;
  DELETE FROM report_product_monthly_products
  WHERE month = substr(NEW.day, 1, 7) AND key = coalesce(NEW.product_id, NEW.sku) AND units = 0 AND gross = 0;
END;
--> statement-breakpoint
CREATE TRIGGER report_product_month_key_move AFTER UPDATE ON report_product_daily
WHEN substr(OLD.day, 1, 7) <> substr(NEW.day, 1, 7) OR coalesce(OLD.product_id, OLD.sku) <> coalesce(NEW.product_id, NEW.sku)
BEGIN
  UPDATE report_product_monthly_products SET units = units - OLD.units, gross = gross - OLD.gross
  WHERE month = substr(OLD.day, 1, 7) AND key = coalesce(OLD.product_id, OLD.sku);
  DELETE FROM report_product_monthly_products
  WHERE month = substr(OLD.day, 1, 7) AND key = coalesce(OLD.product_id, OLD.sku) AND units = 0 AND gross = 0;
  INSERT INTO report_product_monthly_products (month, key, units, gross)
  VALUES (substr(NEW.day, 1, 7), coalesce(NEW.product_id, NEW.sku), NEW.units, NEW.gross)
  ON CONFLICT(month, key) DO UPDATE SET units = units + excluded.units, gross = gross + excluded.gross;
  DELETE FROM report_product_monthly_products
  WHERE month = substr(NEW.day, 1, 7) AND key = coalesce(NEW.product_id, NEW.sku) AND units = 0 AND gross = 0;
END;
--> statement-breakpoint
CREATE TRIGGER report_product_month_key_delete AFTER DELETE ON report_product_daily BEGIN
  UPDATE report_product_monthly_products SET units = units - OLD.units, gross = gross - OLD.gross
  WHERE month = substr(OLD.day, 1, 7) AND key = coalesce(OLD.product_id, OLD.sku);
  DELETE FROM report_product_monthly_products
  WHERE month = substr(OLD.day, 1, 7) AND key = coalesce(OLD.product_id, OLD.sku) AND units = 0 AND gross = 0;
END;
--> statement-breakpoint
INSERT INTO report_product_monthly_products (month, key, units, gross)
SELECT substr(day, 1, 7), coalesce(product_id, sku), sum(units), sum(gross)
FROM report_product_daily GROUP BY 1, 2 HAVING sum(units) <> 0 OR sum(gross) <> 0;
