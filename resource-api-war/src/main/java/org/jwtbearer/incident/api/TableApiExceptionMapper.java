package org.jwtbearer.incident.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class TableApiExceptionMapper implements ExceptionMapper<TableApiException> {

    @Override
    public Response toResponse(TableApiException e) {
        return ErrorEnvelope.response(e.status(), e.getMessage(), e.detail()).build();
    }
}
