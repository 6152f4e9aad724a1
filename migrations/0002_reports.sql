-- Visitors' reports that an answer is wrong (POST /api/report). Each keeps its
-- own copy of the answer's question (scrubbed when the answer was recorded),
-- text, knowledge-base version and cited passages, so maintainers can check it
-- against the sources it came from, whatever happens to the answer row. Nothing
-- about who sent it is stored. One report per answer: sending again replaces
-- the reason and note. Rows are deleted after RETENTION_DAYS.
CREATE TABLE reports (
  id TEXT PRIMARY KEY,             -- the reportId sent back
  answer_id TEXT NOT NULL UNIQUE,  -- the answer reported (no foreign key: the report outlives it)
  created_at INTEGER NOT NULL,     -- milliseconds since the epoch
  reason TEXT NOT NULL,            -- one of REPORT_REASONS (worker/contract.ts)
  note TEXT,                       -- the visitor's note, scrubbed of personal data
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  kb_version TEXT NOT NULL,
  passage_ids TEXT NOT NULL        -- JSON array of the cited passage ids
);
CREATE INDEX reports_created_at ON reports (created_at);
