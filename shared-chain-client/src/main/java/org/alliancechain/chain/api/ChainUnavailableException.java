package org.alliancechain.chain.api;

/**
 * A read of the chain could not be answered because the node did not answer. The answer is
 * unknown, not "no": callers say so (services answer 503) instead of deciding as if it were "no".
 */
public class ChainUnavailableException extends RuntimeException {

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
