-- The public verification page looks records up by record digest (a certificate's QR code) and by a
-- dropped file's SHA-256 (evidence files, the signed award PDF).
create index odr_evidence_record_digest_idx on odr_evidence (record_digest);
create index odr_evidence_sha256_idx on odr_evidence (sha256);
create index odr_award_record_digest_idx on odr_award (record_digest);
create index odr_award_pdf_sha256_idx on odr_award (pdf_sha256);
create index odr_minutes_record_digest_idx on odr_minutes (record_digest);
