-- The Blog API's stored function (the blog-api lesson): publish one draft of one sandbox's blog.
-- It takes the sandbox id as its first argument and touches only that sandbox's row, so the API
-- can call it for the caller alone. LANGUAGE sql, like the transactions lesson's first function:
-- one UPDATE … RETURNING, run in the caller's transaction (a failure after it undoes it too).
-- It publishes only a draft: for a post already published, or not there, it returns no row.
CREATE FUNCTION blog_publish_post(p_sandbox_id uuid, p_post_id integer)
RETURNS SETOF blog_post
LANGUAGE sql
VOLATILE
AS $$
  UPDATE blog_post
  SET status = 'published', published_at = now(), updated_at = now()
  WHERE sandbox_id = p_sandbox_id AND id = p_post_id AND status = 'draft'
  RETURNING *
$$;--> statement-breakpoint
-- Callable by the app's own database user (its owner) only: not by the SQL console's role.
REVOKE EXECUTE ON FUNCTION blog_publish_post(uuid, integer) FROM PUBLIC;
