package org.alliancechain.service.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;

/**
 * The alias behind a member id of an event (keccak256 of the alias), among the organisations this
 * service holds keys for and those it was told of ({@link #learn}); an unknown member is shown by
 * its id, never guessed.
 */
@ApplicationScoped
public class MemberAliases {

    private static final HexFormat HEX = HexFormat.of();

    private final ChainPort chain;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    MemberAliases(ChainPort chain) {
        this.chain = chain;
    }

    public String aliasOf(byte[] memberId) {
        String key = HEX.formatHex(memberId);
        String alias = known.get(key);
        if (alias == null) {
            chain.organisations().forEach(this::learn);
            alias = known.get(key);
        }
        return alias != null ? alias : "member 0x" + key;
    }

    /** Remembers an alias met elsewhere (e.g. in the service's own rows). */
    public void learn(String alias) {
        known.putIfAbsent(HEX.formatHex(ChainIds.memberId(alias)), alias);
    }
}
