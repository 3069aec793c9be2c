package org.alliancechain.service.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;

/**
 * The alias behind a member id of an event (keccak256 of the alias), among the organisations this
 * service holds keys for, those it was told of ({@link #learn}) and those its application's
 * {@link Source}s name (e.g. the organisations of its own rows); an unknown member is shown by its
 * id, never guessed.
 */
@ApplicationScoped
public class MemberAliases {

    private static final HexFormat HEX = HexFormat.of();

    /** Aliases an application knows of beyond the organisations this service holds keys for; asked on a miss. */
    public interface Source {
        java.util.Collection<String> aliases();
    }

    private final ChainPort chain;
    private final jakarta.enterprise.inject.Instance<Source> sources;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    MemberAliases(ChainPort chain, jakarta.enterprise.inject.Instance<Source> sources) {
        this.chain = chain;
        this.sources = sources;
    }

    public String aliasOf(byte[] memberId) {
        String key = HEX.formatHex(memberId);
        String alias = known.get(key);
        if (alias == null) {
            chain.organisations().forEach(this::learn);
            for (var source : sources) {
                source.aliases().forEach(this::learn);
            }
            alias = known.get(key);
        }
        return alias != null ? alias : "member 0x" + key;
    }

    /** Remembers an alias met elsewhere (e.g. in the service's own rows). */
    public void learn(String alias) {
        known.putIfAbsent(HEX.formatHex(ChainIds.memberId(alias)), alias);
    }
}
