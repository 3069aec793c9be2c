package org.alliancechain.chain.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeReplyTest {

    @Test
    void classifiesTheErrorTextsOfAnvilBesuAndGeth() {
        assertEquals(NodeReply.ACCEPTED, NodeReply.classify(null));
        assertEquals(NodeReply.ALREADY_KNOWN, NodeReply.classify("already known"));
        assertEquals(NodeReply.ALREADY_KNOWN, NodeReply.classify("Known transaction"));
        assertEquals(NodeReply.NONCE_TOO_LOW, NodeReply.classify("nonce too low: next nonce 7, tx nonce 3"));
        assertEquals(NodeReply.NONCE_TOO_LOW, NodeReply.classify("NONCE_TOO_LOW"));
        assertEquals(NodeReply.UNDERPRICED, NodeReply.classify("replacement transaction underpriced"));
        assertEquals(NodeReply.INSUFFICIENT_FUNDS, NodeReply.classify("insufficient funds for gas * price + value"));
        assertEquals(NodeReply.REJECTED, NodeReply.classify("invalid sender"));
    }

    @Test
    void onlyRepliesThatLeaveTheTransactionWithTheNodeCountAsInFlight() {
        assertTrue(NodeReply.ACCEPTED.inFlight());
        assertTrue(NodeReply.NONCE_TOO_LOW.inFlight());
        assertFalse(NodeReply.UNDERPRICED.inFlight());
        assertFalse(NodeReply.TRANSPORT_ERROR.inFlight());
    }
}
