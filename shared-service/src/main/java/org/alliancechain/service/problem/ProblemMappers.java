package org.alliancechain.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place where exceptions become HTTP answers. Every error is application/problem+json;
 * nothing a user sends can produce a stack trace in a response.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        var problem = Problem.of(e.status(), e.getMessage(), path(uri));
        return (e.violations().isEmpty() ? problem : problem.withErrors(e.violations())).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("A valid bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated("The bearer token is invalid or expired", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "Your roles do not allow this operation", path(uri)).toResponse();
    }

    /** The caller's organisation holds no key in this service's key custody: nothing was queued. */
    @ServerExceptionMapper
    public Response notOnboarded(org.alliancechain.chain.api.UnknownSignerException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "Your organisation (" + e.keyId() + ") cannot write to the chain through "
                + "this service yet: its key has not been placed in key custody (onboarding)", path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, "Invalid request: " + detail, path(uri))
                .withErrors(violations).toResponse();
    }

    /** A body that is not the JSON the endpoint reads: the field as a JSON Pointer and the JSON type expected there. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        var detail = JsonProblems.describe(e);
        var problem = Problem.of(Response.Status.BAD_REQUEST, detail.text(), path(uri));
        return (detail.field() == null ? problem : problem.withErrors(List.of(new Problem.Violation(detail.field(), detail.message()))))
                .toResponse();
    }

    /**
     * A value of the wrong type or outside an enumeration. Mapped explicitly: Quarkus' own mapper
     * for this more specific type would otherwise answer plain JSON.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers, SimpleResourceInfo info) {
        var status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (status.getStatusCode() == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // the method matched, and a path or query parameter's value would not convert to its type
            var wrong = ParameterProblems.of(info, uri, path(uri));
            if (wrong != null) {
                return wrong.toResponse();
            }
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation; this API produces application/json";
            case 415 -> "Unsupported content type" + sent(headers) + "; send what this endpoint takes: application/json, or "
                    + "multipart/form-data where it receives files";
            default -> e.getMessage();
        };
        var response = Response.fromResponse(Problem.of(status, detail, path(uri)).toResponse());
        // Keep headers such as Allow on 405.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", reference, path(uri));
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote reference " + reference + " to the operator", path(uri)).toResponse();
    }

    /** The Content-Type sent, without its parameters, as given (it may not even parse: that is why it was refused). */
    private static String sent(HttpHeaders headers) {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.isBlank()) {
            return "";
        }
        type = type.split(";", 2)[0].strip();
        return " '" + (type.length() > 80 ? type.substring(0, 80) + "…" : type) + "'";
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail, path(uri)).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /**
     * "create.request.sha256" → "sha256", "registerAll.requests[2].label" → "[2].label": the method
     * and parameter names mean nothing to a caller; a violation of the body as a whole is "body".
     */
    /**
     * The request field a violation is about: a query, path, header or form parameter by its name in the
     * request (e.g. {@code work} for {@code @QueryParam("work")}); a body's field by its path in the body.
     */
    static String field(jakarta.validation.ConstraintViolation<?> v) {
        var nodes = new java.util.ArrayList<jakarta.validation.Path.Node>();
        v.getPropertyPath().forEach(nodes::add);
        if (nodes.size() == 2 && nodes.get(0).getKind() == jakarta.validation.ElementKind.METHOD
                && nodes.get(1).getKind() == jakarta.validation.ElementKind.PARAMETER && v.getRootBeanClass() != null) {
            var method = nodes.get(0).as(jakarta.validation.Path.MethodNode.class);
            int index = nodes.get(1).as(jakarta.validation.Path.ParameterNode.class).getParameterIndex();
            String name = requestParameter(v.getRootBeanClass(), method.getName(), method.getParameterTypes(), index);
            if (name != null) {
                return name;
            }
        }
        return field(v.getPropertyPath().toString());
    }

    /** The name a resource method's parameter has in the request, when it is not the body. */
    private static String requestParameter(Class<?> type, String name, List<Class<?>> parameterTypes, int index) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            java.lang.reflect.Method method;
            try {
                method = c.getDeclaredMethod(name, parameterTypes.toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                continue;
            }
            var parameter = method.getParameters()[index];
            for (var a : parameter.getAnnotations()) {
                String value = switch (a) {
                    case jakarta.ws.rs.QueryParam q -> q.value();
                    case jakarta.ws.rs.PathParam q -> q.value();
                    case jakarta.ws.rs.HeaderParam q -> q.value();
                    case jakarta.ws.rs.FormParam q -> q.value();
                    case org.jboss.resteasy.reactive.RestQuery q -> q.value().isEmpty() ? parameter.getName() : q.value();
                    case org.jboss.resteasy.reactive.RestPath q -> q.value().isEmpty() ? parameter.getName() : q.value();
                    case org.jboss.resteasy.reactive.RestForm q -> q.value().isEmpty() ? parameter.getName() : q.value();
                    default -> null;
                };
                if (value != null) {
                    return value;
                }
            }
            // A generated subclass (interceptors) overrides the method without the annotations: look further up.
        }
        return null;
    }

    static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        if (parts.length < 2) {
            return propertyPath;
        }
        String parameter = parts[1];
        String index = parameter.contains("[") ? parameter.substring(parameter.indexOf('[')) : "";
        String rest = parts.length > 2 ? parts[2] : "";
        String field = index + (index.isEmpty() || rest.isEmpty() ? "" : ".") + rest;
        return field.isEmpty() ? "body" : field;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
