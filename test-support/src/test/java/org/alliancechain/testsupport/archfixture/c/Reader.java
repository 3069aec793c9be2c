package org.alliancechain.testsupport.archfixture.c;

import org.web3j.protocol.Web3j;

/** Fixture: a feature that talks to the node with web3j directly. */
public class Reader {
    public Web3j web3j;
}
