-- Where each customer's entry is in the search index: FTS5 finds rows fast only by rowid,
-- so refreshing a customer's entry by `customer_id` read the whole index. The store keeps
-- this map in the same transaction as the entries it points to.
CREATE TABLE customer_search_keys (
    customer_id  BLOB PRIMARY KEY NOT NULL,
    search_rowid INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

INSERT INTO customer_search_keys (customer_id, search_rowid)
SELECT customer_id, max(rowid) FROM customer_search GROUP BY customer_id;

DELETE FROM customer_search
WHERE rowid NOT IN (SELECT search_rowid FROM customer_search_keys);
