package org.alliancechain.evidence.tsa;

import org.alliancechain.evidence.HashAlgorithm;

/** Gets RFC 3161 time-stamp tokens: from the suite's own authority or from an external TSA. */
public interface TimeStamper {

    /**
     * A time-stamp token (DER-encoded CMS SignedData) over the given message imprint.
     *
     * @throws TimeStampException when the authority cannot be reached or refuses the request
     */
    byte[] timestamp(HashAlgorithm algorithm, byte[] digest);
}
