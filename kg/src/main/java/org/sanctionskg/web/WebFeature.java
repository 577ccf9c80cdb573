package org.sanctionskg.web;

import org.apache.jena.fuseki.main.FusekiServer;

/** A part of the site (canned queries, linked-data pages…) that adds its servlets to the server being built. */
@FunctionalInterface
public interface WebFeature {
    void install(FusekiServer.Builder builder);
}
