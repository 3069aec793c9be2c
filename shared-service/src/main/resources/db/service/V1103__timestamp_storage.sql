-- A time-stamp (an RFC 3161 token, or an RFC 4998 evidence record holding one: ~1.8-2.3 kB of DER, signatures and
-- certificates) does not compress; PostgreSQL still tried to, for every row over 2 kB — most of them — which cost
-- more CPU than the rest of a bulk notarisation's insert. Kept out of line, uncompressed.
alter table notarisation alter column timestamp_token set storage external;
