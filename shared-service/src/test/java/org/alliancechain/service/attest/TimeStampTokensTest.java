package org.alliancechain.service.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.evidence.tsa.TimeStampAuthority;
import org.junit.jupiter.api.Test;

/** {@link TimeStampTokens#share}: which records' tokens are stored once, and that the stored parts join back byte for byte. */
class TimeStampTokensTest {

    private static final TimeStampAuthority TSA = new TimeStampAuthority(DevPki.inMemory("http://127.0.0.1:1/pki/root.crl").timeStampingIdentity());

    /** The tokens inserted, in order; the connection answers each insert with the next id (1, 2, …). */
    private final List<byte[]> inserted = new ArrayList<>();

    @Test
    void eachTokenSharedByRecordsOfOneBatchIsStoredOnceAndTheRestKeepTheirWholeStamp() throws Exception {
        var a = stamped(3, "a");
        var b = stamped(2, "b");
        var alone = stamped(1, "alone").getFirst(); // a plain RFC 3161 token
        var lastOfItsBatch = stamped(4, "partly").getLast(); // an evidence record whose batch-mates are not here
        var unstamped = new AttestedRecord("{}", "00".repeat(32), null);
        // two organisations' records interleaved, as several callers' notarisations committed together arrive
        var records = List.of(a.get(0), b.get(0), a.get(1), alone, b.get(1), unstamped, a.get(2), lastOfItsBatch);

        var stored = TimeStampTokens.share(connection(), records);

        assertThat(inserted).as("one token per batch of two or more").hasSize(2);
        assertThat(stored).extracting(TimeStampTokens.Stored::tokenId).containsExactly(1L, 2L, 1L, null, 2L, null, 1L, null);
        for (int i = 0; i < records.size(); i++) {
            byte[] whole = records.get(i).timestampToken;
            var s = stored.get(i);
            if (s.tokenId() == null) {
                assertThat(s.stamp()).as("record %d keeps its whole stamp", i).isSameAs(whole);
                continue;
            }
            byte[] token = inserted.get((int) (s.tokenId() - 1));
            assertThat(s.stamp().length).as("record %d keeps its path only", i).isLessThan(600);
            byte[] joined = Arrays.copyOf(s.stamp(), s.stamp().length + token.length);
            System.arraycopy(token, 0, joined, s.stamp().length, token.length);
            assertThat(joined).as("record %d joined again", i).isEqualTo(whole);
            assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, joined, records.get(i).digestBytes())).isTrue();
        }
    }

    @Test
    void noTokenIsStoredForRecordsThatShareNone() throws Exception {
        var records = List.of(stamped(1, "x").getFirst(), stamped(1, "y").getFirst(), stamped(3, "z").getFirst());
        assertThat(TimeStampTokens.share(connection(), records)).extracting(TimeStampTokens.Stored::tokenId).containsOnlyNulls();
        assertThat(inserted).isEmpty();
        assertThat(TimeStampTokens.share(connection(), List.of())).isEmpty();
    }

    /** {@code n} records stamped together under one token, each with its evidence record (a plain token when n = 1). */
    private static List<AttestedRecord> stamped(int n, String tag) throws Exception {
        var digests = new ArrayList<byte[]>();
        for (int i = 0; i < n; i++) {
            digests.add(HashAlgorithm.SHA256.digest((tag + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        var stamps = new ArchiveTimeStamps(TSA).stampAll(HashAlgorithm.SHA256, digests);
        var records = new ArrayList<AttestedRecord>();
        for (int i = 0; i < n; i++) {
            records.add(new AttestedRecord("{}", java.util.HexFormat.of().formatHex(digests.get(i)), stamps.get(i)));
        }
        return records;
    }

    /** A connection that takes {@code insert into timestamp_token … returning id} and nothing else. */
    private Connection connection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
            if (!m.getName().equals("prepareStatement")) {
                throw new UnsupportedOperationException(m.getName());
            }
            assertThat((String) args[0]).startsWith("insert into timestamp_token");
            byte[][] bytes = new byte[1][];
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (ps, pm, pargs) -> switch (pm.getName()) {
                case "setBytes" -> {
                    bytes[0] = (byte[]) pargs[1];
                    yield null;
                }
                case "executeQuery" -> {
                    inserted.add(bytes[0]);
                    long id = inserted.size();
                    boolean[] read = {false};
                    yield Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class}, (rs, rm, rargs) -> switch (rm.getName()) {
                        case "next" -> {
                            boolean first = !read[0];
                            read[0] = true;
                            yield first;
                        }
                        case "getLong" -> id;
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(rm.getName());
                    });
                }
                case "close" -> null;
                default -> throw new UnsupportedOperationException(pm.getName());
            });
        });
    }
}
