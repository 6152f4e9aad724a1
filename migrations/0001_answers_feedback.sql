-- Every answer given (answered or declined), so feedback can refer to it and
-- maintainers can see what visitors could not get answered. No IP, cookie or
-- user identifier is stored; rows are deleted after RETENTION_DAYS.
CREATE TABLE answers (
  id TEXT PRIMARY KEY,           -- the answerId sent with the answer
  created_at INTEGER NOT NULL,   -- milliseconds since the epoch
  question TEXT NOT NULL,
  answered INTEGER NOT NULL,     -- 1 answered, 0 declined
  answer TEXT NOT NULL,
  kb_version TEXT NOT NULL,
  passage_ids TEXT NOT NULL      -- JSON array of the cited passage ids
);
CREATE INDEX answers_created_at ON answers (created_at);
CREATE INDEX answers_unanswered ON answers (answered, created_at);

-- One verdict per answer; a second one (a visitor changing their mind) replaces it.
CREATE TABLE feedback (
  answer_id TEXT PRIMARY KEY REFERENCES answers (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  helpful INTEGER NOT NULL,      -- 1 helpful, 0 not helpful
  comment TEXT
);
CREATE INDEX feedback_created_at ON feedback (created_at);
