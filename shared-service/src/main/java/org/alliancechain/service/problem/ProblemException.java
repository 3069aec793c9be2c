package org.alliancechain.service.problem;

import jakarta.ws.rs.core.Response;

/** Thrown by services for a refusal the user can understand (409 conflict, 422 rule broken, ...). */
public class ProblemException extends RuntimeException {

    /** 422: the request is well-formed but its content cannot be processed (JAX-RS has no constant for it). */
    public static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final Response.StatusType status;
    private final String field;
    private final java.util.List<Problem.Violation> violations;

    public ProblemException(Response.StatusType status, String detail) {
        this(status, detail, (String) null);
    }

    /** A refusal that concerns one field of the request (a form part, a JSON property): the problem's errors name it. */
    public ProblemException(Response.StatusType status, String detail, String field) {
        super(detail);
        this.status = status;
        this.field = field;
        this.violations = field == null ? java.util.List.of() : java.util.List.of(new Problem.Violation(field, detail));
    }

    /** A refusal of several fields at once (e.g. rows of a bulk request): the problem's errors name each. */
    public ProblemException(Response.StatusType status, String detail, java.util.List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.field = violations.isEmpty() ? null : violations.getFirst().field();
        this.violations = java.util.List.copyOf(violations);
    }

    /** The fields the refusal concerns with what is wrong with each (empty when it concerns the request as a whole). */
    public java.util.List<Problem.Violation> violations() {
        return violations;
    }

    public Response.StatusType status() {
        return status;
    }

    /** The field the refusal concerns, or null. */
    public String field() {
        return field;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Response.Status.NOT_FOUND, what + " not found");
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(UNPROCESSABLE, detail);
    }
}
