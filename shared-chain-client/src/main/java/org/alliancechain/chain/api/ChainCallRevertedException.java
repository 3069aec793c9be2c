package org.alliancechain.chain.api;

/** A view function reverted: the message names its custom error and arguments, decoded. */
public class ChainCallRevertedException extends RuntimeException {

    public ChainCallRevertedException(String message) {
        super(message);
    }
}
