package org.sanctionskg.endpoint;

import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;

/**
 * Content negotiation by its rules at {@code /sparql}: an {@code Accept} that names none of the formats Fuseki
 * offers for the query's form (RDF for CONSTRUCT and DESCRIBE, result formats for SELECT and ASK) is a 406, where
 * Fuseki would send its default anyway (rdflib asked JSON for a CONSTRUCT and got Turtle it could not read).
 */
final class AnswerOffers {
    private AnswerOffers() {}

    /** Answers 406 unless {@code Accept} is absent, fits an offer (wildcards included), or {@code ?format=}/{@code ?output=} chose. */
    static void check(HttpAction action, Query query) {
        String accept = action.getRequest().getHeader("Accept");
        if (accept == null || accept.isBlank() || action.getRequestParameter("format") != null || action.getRequestParameter("output") != null) return;
        AcceptList offers = offers(query);
        AcceptList asked;
        try {
            asked = new AcceptList(accept);
        } catch (RuntimeException e) {
            ServletOps.errorBadRequest("malformed Accept header");
            return;
        }
        if (AcceptList.match(asked, offers) != null) return;
        String form = query.isSelectType() ? "SELECT" : query.isAskType() ? "ASK" : query.isConstructType() ? "CONSTRUCT" : "DESCRIBE";
        String kind = query.isSelectType() || query.isAskType() ? "SPARQL results" : "RDF";
        ServletOps.error(406, "a " + form + " is answered as " + kind + ", and Accept names none of its formats: "
                + offers.entries().stream().map(m -> m.getContentTypeStr()).collect(Collectors.joining(", ")));
    }

    private static AcceptList offers(Query query) {
        if (query.isSelectType()) return DEF.rsOfferTable;
        if (query.isAskType()) return DEF.rsOfferBoolean;
        return query.isConstructType() ? DEF.constructOffer : DEF.rdfOffer;
    }
}
