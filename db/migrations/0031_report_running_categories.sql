-- Running totals per category (grain 'category') follow each product's category now: a product moved to another
-- category makes them stale from its first running day, and the next fold recounts from there (moves are rare).
CREATE TRIGGER report_running_category_move AFTER UPDATE OF category_id ON products
WHEN OLD.category_id IS NOT NEW.category_id
  AND (SELECT min(day) FROM report_product_running WHERE grain = 'product' AND key = NEW.id)
    < (SELECT running_through FROM report_zone WHERE id = 1) BEGIN
  UPDATE report_zone SET running_through = (SELECT min(day) FROM report_product_running
    WHERE grain = 'product' AND key = NEW.id) WHERE id = 1;
END;
--> statement-breakpoint
-- Days folded before this migration have no category rows: fold them again (reads add up the rollups meanwhile).
UPDATE report_zone SET running_through = NULL, totals_through = NULL;
