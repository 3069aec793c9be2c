-- A text fingerprint record (TextFingerprint, format 2) opens with its header: magic, version and the algorithm's
-- descriptor (fifteen key/value strings, ≈ 1 kB), the same for every work fingerprinted by one build and extractor — a
-- quarter of the stored record, written into the table and the write-ahead log with every work. The header is kept
-- once here; a work's row keeps the bytes after it and the header's id. The record is header || fingerprint, byte for
-- byte what was digested (fingerprint_digest) and anchored. Rows stored before (and image fingerprints, which have no
-- such header) keep the whole record with fingerprint_header null.
create table cr_fingerprint_header (
    id     integer generated always as identity primary key,
    digest bytea not null unique,   -- SHA-256 of the header: the key a writer looks it up by
    header bytea not null
);

-- No foreign key: its check locks the referenced row (FOR KEY SHARE) for every inserted work, and every work of a build
-- references the same header — thousands of lockers a second on one row. Headers are only ever added, never changed or
-- deleted, and a writer stores a header's id only after that header has committed (WorkService).
alter table cr_work add column fingerprint_header integer;
