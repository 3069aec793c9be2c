package org.alliancechain.chain.internal;

import java.io.IOException;

/** The chain node did not answer: work waits in the outbox until it does. */
class NodeUnavailableException extends RuntimeException {
    NodeUnavailableException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
