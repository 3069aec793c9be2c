package org.alliancechain.testsupport;

import java.security.MessageDigest;
import java.util.List;

/**
 * An inclusion-proof check written from the documentation alone (docs/proofs.md, RFC 9162
 * section 2.1.3.2), independent of the chain client's code: tests use it to check our proofs the
 * way an auditor would.
 */
public final class ThirdPartyProofCheck {

    private ThirdPartyProofCheck() {
    }

    public static boolean verify(byte[] itemDigest, long index, long size, List<byte[]> path, byte[] root) throws Exception {
        if (index >= size) {
            return false;
        }
        var sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[] {0});
        byte[] r = sha.digest(itemDigest);
        long fn = index;
        long sn = size - 1;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            sha.update(new byte[] {1});
            if (fn % 2 == 1 || fn == sn) {
                sha.update(p);
                r = sha.digest(r);
                while (fn % 2 == 0 && fn != 0) {
                    fn /= 2;
                    sn /= 2;
                }
            } else {
                sha.update(r);
                r = sha.digest(p);
            }
            fn /= 2;
            sn /= 2;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }
}
