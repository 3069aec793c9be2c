package org.alliancechain.service.identity;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    /** Who the service thinks the caller is. */
    public record CallerView(String user, String name, String organisation, Set<String> roles) {
    }

    private final Caller caller;

    CallerResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "The authenticated user, their member organisation and their roles in this application")
    public CallerView me() {
        return new CallerView(caller.userName(), caller.displayName(), caller.organisation().orElse(null), caller.roles());
    }
}
