-- Web captures (issue #20): a capture kept as the WARC or WACZ it came in (or the WARC the service wrote when it
-- fetched the URL itself); content and sha256 are the archive's, the page found in it is described here.
alter table cr_capture add column archive_url           varchar(2000);  -- the response record's WARC-Target-URI
alter table cr_capture add column archive_captured_at   timestamptz;    -- its WARC-Date
alter table cr_capture add column archive_record_id     varchar(200);   -- its WARC-Record-ID
alter table cr_capture add column archive_record_digest varchar(200);   -- its WARC-Block-Digest (checked), or sha256: of the block
alter table cr_capture add column archive_ip            varchar(64);    -- its WARC-IP-Address
alter table cr_capture add column requested_url         varchar(2000);  -- a URL capture: the URL asked for (before redirects)
alter table cr_capture add column payload               bytea;          -- the page's payload, Content-Encoding undone (what was matched)
alter table cr_capture add column payload_media_type    varchar(200);   -- its Content-Type as the server sent it
