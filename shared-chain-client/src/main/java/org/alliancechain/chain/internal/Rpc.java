package org.alliancechain.chain.internal;

import java.io.IOException;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/** One JSON-RPC call; a node that does not answer becomes {@link NodeUnavailableException}. */
final class Rpc {

    private Rpc() {
    }

    static BatchResponse send(BatchRequest batch) {
        try {
            return batch.send();
        } catch (IOException e) {
            throw new NodeUnavailableException(e);
        }
    }

    static <T extends Response<?>> T send(Request<?, T> request) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new NodeUnavailableException(e);
        }
    }
}
