-- Versions handed out from now on come after every version already stored, so no ETag sent
-- before this migration can ever match a todo written after it.
SELECT setval('todo_version_seq', (SELECT coalesce(max("version"), 0) + 1 FROM "todo"), false);--> statement-breakpoint
-- Every existing sandbox gets its collection date; now() is later than any change it has had.
INSERT INTO "todo_collection" ("sandbox_id", "modified_at")
SELECT "id", now() FROM "sandbox"
ON CONFLICT ("sandbox_id") DO NOTHING;
