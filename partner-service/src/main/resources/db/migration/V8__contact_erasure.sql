-- A contact erased for privacy keeps its row, because affiliations, key-contact history, touchpoint
-- attendance and the other services refer to its id. Its personal data is overwritten and erased_at is set.
alter table contact add column erased_at timestamptz;
