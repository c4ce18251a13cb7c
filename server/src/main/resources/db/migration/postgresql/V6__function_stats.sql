-- Serverless function statistics: which function ran each transaction and whether it was a cold
-- start, taken from its contexts (aws_lambda, gcp, faas, cloud_resource) or its function tag, as
-- the event normalizer derives the function and cold_start tags. Rows stored before stay NULL.
ALTER TABLE transactions ADD COLUMN function_name TEXT;
ALTER TABLE transactions ADD COLUMN cold_start SMALLINT CHECK (cold_start IN (0, 1));

CREATE INDEX transactions_by_function ON transactions (project_id, function_name, start_time);

-- The functions page reads a project's error events of a time range.
CREATE INDEX events_by_project_time ON events (project_id, timestamp);
