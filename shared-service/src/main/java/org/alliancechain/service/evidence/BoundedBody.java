package org.alliancechain.service.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.Uploads;

/** Reads a raw request body up to a limit and stops there (form parts: {@link org.alliancechain.service.upload.Uploads}). */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream in, MemorySize limit, String what) {
        long max = limit.asLongValue();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > max) {
                    throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            what + " is larger than the limit of " + Uploads.describe(max) + " (suite.evidence settings)");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the upload broke off: " + e.getMessage());
        }
        if (out.size() == 0) {
            throw new ProblemException(Response.Status.BAD_REQUEST, what + " is empty");
        }
        return out.toByteArray();
    }
}
