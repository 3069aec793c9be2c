package org.alliancechain.localstack;

import java.util.List;

/** The four application services, their fixed ports and their databases. */
public enum SuiteApp {
    ODR_ARBITRATION("odr-arbitration", 8081, "odr_arbitration"),
    E_INVOICE("e-invoice", 8082, "e_invoice"),
    SUPPLY_FINANCE("supply-finance", 8083, "supply_finance"),
    COPYRIGHT("copyright", 8084, "copyright");

    private final String id;
    private final int port;
    private final String database;

    SuiteApp(String id, int port, String database) {
        this.id = id;
        this.port = port;
        this.database = database;
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The Keycloak client whose roles and audience the app checks. */
    public String apiClientId() {
        return id + "-api";
    }

    public static SuiteApp byId(String id) {
        for (var app : values()) {
            if (app.id.equals(id)) {
                return app;
            }
        }
        throw new IllegalArgumentException("unknown app " + id + "; one of " + List.of(values()));
    }
}
