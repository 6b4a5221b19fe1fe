package org.ecoplan.auth.provision;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm's user-profile configuration as plain JSON. The typed {@code UPConfig} of the admin client
 * would drop what a newer Keycloak adds to it, and the update writes the whole configuration back.
 */
@Path("/admin/realms/{realm}/users/profile")
interface UserProfileEndpoint {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    ObjectNode read(@PathParam("realm") String realm);

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode write(@PathParam("realm") String realm, JsonNode configuration);
}
