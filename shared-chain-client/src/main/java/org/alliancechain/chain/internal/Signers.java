package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.chain.api.UnknownSignerException;
import org.alliancechain.chain.custody.KeyCustody;
import org.alliancechain.chain.custody.TransactionSigner;
import org.jboss.logging.Logger;

/**
 * The signing keys of this service, by key id (an organisation alias, or the service's own key)
 * and by address. Writes are queued under the address of the organisation they are made for; the
 * relay finds the signer for a queued row by that address, also after a restart.
 */
@ApplicationScoped
public class Signers {

    private static final Logger LOG = Logger.getLogger(Signers.class);

    private final KeyCustody custody;
    private final String defaultKeyId;
    private final Map<String, TransactionSigner> byKeyId = new ConcurrentHashMap<>();
    private final Map<String, TransactionSigner> byAddress = new ConcurrentHashMap<>();
    /** Addresses already reported as missing, so a waiting write is logged once, not every relay round. */
    private final java.util.Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    Signers(KeyCustody custody, ChainConfig config) {
        this.custody = custody;
        this.defaultKeyId = config.signer().keyId();
    }

    /** The service's own key: writes that are made for no particular organisation. */
    public TransactionSigner serviceKey() {
        return byKey(defaultKeyId);
    }

    /**
     * The key of an organisation; {@link UnknownSignerException} if custody does not hold it (the
     * service's own key id is never an organisation's, whatever an organisation is called).
     */
    public TransactionSigner forOrganisation(String organisation) {
        if (defaultKeyId.equals(organisation)) {
            throw new UnknownSignerException(organisation);
        }
        return byKey(organisation);
    }

    private TransactionSigner byKey(String keyId) {
        var known = keyId == null ? null : byKeyId.get(keyId);
        if (known != null) {
            return known;
        }
        if (keyId == null || keyId.isBlank() || !custody.keyIds().contains(keyId)) {
            throw new UnknownSignerException(String.valueOf(keyId));
        }
        var signer = custody.signer(keyId);
        byAddress.putIfAbsent(signer.address().toLowerCase(Locale.ROOT), signer);
        byKeyId.putIfAbsent(keyId, signer);
        return signer;
    }

    /** The signer of a queued write, or null when the key has left custody (the write then waits). */
    public TransactionSigner byAddress(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        var signer = byAddress.get(key);
        if (signer == null) {
            for (String keyId : custody.keyIds()) {
                var candidate = custody.signer(keyId);
                byAddress.putIfAbsent(candidate.address().toLowerCase(Locale.ROOT), candidate);
            }
            signer = byAddress.get(key);
            if (signer == null && reportedMissing.add(key)) {
                LOG.warnf("writes queued for %s wait: no key with that address in key custody", address);
            }
        }
        return signer;
    }

    /** The organisations (key ids) whose keys custody holds, without the service's own key. */
    public java.util.Set<String> organisations() {
        var ids = new java.util.TreeSet<>(custody.keyIds());
        ids.remove(defaultKeyId);
        return java.util.Collections.unmodifiableSet(ids);
    }

    /** The organisation (key id) whose key signs as this address, if custody holds it; never the service's own key. */
    public java.util.Optional<String> organisationOf(String address) {
        var signer = byAddress(address);
        if (signer == null) {
            return java.util.Optional.empty();
        }
        for (var entry : byKeyId.entrySet()) {
            if (entry.getValue() == signer) {
                return defaultKeyId.equals(entry.getKey()) ? java.util.Optional.empty() : java.util.Optional.of(entry.getKey());
            }
        }
        for (String keyId : custody.keyIds()) {
            if (!keyId.equals(defaultKeyId) && custody.signer(keyId).address().equalsIgnoreCase(address)) {
                byKeyId.putIfAbsent(keyId, signer);
                return java.util.Optional.of(keyId);
            }
        }
        return java.util.Optional.empty();
    }
}
