package org.alliancechain.service.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.alliancechain.service.problem.ProblemException;

/** Reads an upload up to a limit and stops there: an oversized body is refused before it is stored anywhere. */
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
                            what + " is larger than the limit of " + describe(max) + " (suite.evidence settings)");
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

    /** An uploaded form part, refused (413) when larger than the limit. */
    static byte[] read(org.jboss.resteasy.reactive.multipart.FileUpload upload, MemorySize limit, String what) {
        if (upload.size() > limit.asLongValue()) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    what + " is larger than the limit of " + describe(limit.asLongValue()) + " (suite.evidence settings)");
        }
        try (var in = java.nio.file.Files.newInputStream(upload.uploadedFile())) {
            return read(in, limit, what);
        } catch (IOException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "cannot read " + what);
        }
    }

    static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
