package org.alliancechain.chain.api;

/**
 * A write was asked of an organisation whose key this service's key custody does not hold: the
 * organisation has not been onboarded for this service (see deploy/onboarding). Nothing was queued.
 */
public class UnknownSignerException extends IllegalArgumentException {

    private final String keyId;

    public UnknownSignerException(String keyId) {
        super("organisation '" + keyId + "' has no chain key in this service's key custody; it must be onboarded first");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
