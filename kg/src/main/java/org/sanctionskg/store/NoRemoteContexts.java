package org.sanctionskg.store;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;

/** JSON-LD reading that never fetches a remote {@code @context}: a source must be self-contained. */
final class NoRemoteContexts {
    private NoRemoteContexts() {}

    /** A parser context whose JSON-LD document loader refuses every URL. */
    static Context parserContext() {
        JsonLdOptions options = new JsonLdOptions((url, loaderOptions) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "remote @context " + url + " is not fetched; inline the context");
        });
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options);
        return context;
    }
}
