package org.alliancechain.service.problem;

import jakarta.ws.rs.core.Response;

/** Thrown by services for a refusal the user can understand (409 conflict, 422 rule broken, ...). */
public class ProblemException extends RuntimeException {

    private final Response.Status status;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public Response.Status status() {
        return status;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Response.Status.NOT_FOUND, what + " not found");
    }
}
