package org.sanctionskg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.endpoint.ExecutionPolicy;
import org.sanctionskg.query.CannedQuery;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.store.Store;
import org.sanctionskg.web.RequestException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query}: run a canned query, or any SPARQL, against the store, without a server. */
@Command(name = "query", description = "Run a canned query (NAME, see --list) or SPARQL (--file, --sparql) against the store; no server needed.")
final class QueryCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A canned query from the queries folder.")
    String name;

    @Option(names = "--list", description = "Print the canned queries and their parameters.")
    boolean list;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Text text;

    static final class Text {
        @Option(names = "--file", paramLabel = "F.rq", required = true, description = "A file holding the query.") Path file;
        @Option(names = "--sparql", paramLabel = "QUERY", required = true, description = "The query text.") String sparql;
    }

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A canned query's parameter (repeatable); typed as its header says.")
    List<String> params = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table|csv|tsv|json|xml for SELECT/ASK; ttl|nt|jsonld|rdf for CONSTRUCT/DESCRIBE.")
    String format;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Query time limit (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--wikidata-endpoint", paramLabel = "URL", description = "Send SERVICE <https://query.wikidata.org/sparql> here instead.")
    URI wikidataEndpoint;

    @Override
    public Integer call() throws IOException {
        if ((name != null ? 1 : 0) + (list ? 1 : 0) + (text != null ? 1 : 0) != 1)
            throw new UserException("give one of: a canned query NAME, --list, --file F.rq or --sparql QUERY");
        if (!params.isEmpty() && name == null) throw new UserException("--param goes with a canned query NAME");
        Config config = options.config().with(b -> b.timeout(java.time.Duration.ofSeconds(timeoutSeconds)).wikidataEndpoint(wikidataEndpoint));
        if (list) {
            spec.commandLine().getOut().print(Catalogue.load(config.queriesDir()).listing());
            return 0;
        }
        Query query = name != null ? null : parse();
        Binding binding = BindingFactory.empty();
        if (name != null) {
            CannedQuery canned = Catalogue.load(config.queriesDir()).find(name)
                    .orElseThrow(() -> new UserException("no canned query '" + name + "' in " + config.queriesDir() + " (see query --list)"));
            query = canned.query();
            binding = bind(canned);
        }
        try (Store store = Store.open(config.storeDir())) {
            ExecutionPolicy.apply(store.dataset().getContext(), config);
            OutputStream out = new WriterOutputStream(spec.commandLine().getOut());
            Query q = query;
            Binding b = binding;
            Txn.executeRead(store.dataset(), () -> run(q, b, store, out));
            out.flush();
        } catch (QueryCancelledException e) {
            throw new UserException("the query exceeded the time limit of " + timeoutSeconds + " s and was stopped");
        }
        return 0;
    }

    private Binding bind(CannedQuery canned) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new UserException("--param " + p + ": write NAME=VALUE");
            given.computeIfAbsent(p.substring(0, eq), k -> new ArrayList<>()).add(p.substring(eq + 1));
        }
        try {
            return canned.bind(given);
        } catch (RequestException e) {
            throw new UserException(canned.name() + ": " + e.getMessage());
        }
    }

    private Query parse() throws IOException {
        return text.sparql != null ? Catalogue.parse("query", text.sparql) : Catalogue.parse(text.file.toString(), read(text.file));
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        }
    }

    private void run(Query query, Binding binding, Store store, OutputStream out) {
        try (QueryExec exec = QueryExec.dataset(store.dataset()).query(query).substitution(binding).build()) {
            if (query.isSelectType()) writeRows(ResultSet.adapt(exec.select()), out);
            else if (query.isAskType()) writeBoolean(exec.ask(), out);
            else if (query.isConstructQuad()) RDFDataMgr.write(out, exec.constructDataset(), RDFFormat.TRIG_BLOCKS);
            else if (query.isConstructType()) RDFDataMgr.write(out, exec.construct(), graphFormat());
            else RDFDataMgr.write(out, exec.describe(), graphFormat());
        }
    }

    private void writeRows(ResultSet rows, OutputStream out) {
        Format f = chosen(Format.of(Format.Kind.TABLE), "a SELECT");
        if (f == Format.TABLE) ResultSetFormatter.out(out, rows);
        else ResultSetMgr.write(out, rows, f.resultLang());
    }

    private void writeBoolean(boolean answer, OutputStream out) {
        Format f = chosen(Format.of(Format.Kind.TABLE), "an ASK");
        if (f.resultLang() == null || f == Format.CSV || f == Format.TSV) new java.io.PrintStream(out, true).println(answer ? "yes" : "no");
        else ResultSetMgr.write(out, answer, f.resultLang());
    }

    /** A graph in the named RDF syntax; the default {@code table} means Turtle. */
    private RDFFormat graphFormat() {
        return (format.equals(Format.TABLE.shortName()) ? Format.TURTLE : chosen(Format.of(Format.Kind.GRAPH), "a CONSTRUCT")).rdfFormat();
    }

    /** The {@link Format} {@code --format} names among {@code offers}, or a one-line error listing them. */
    private Format chosen(List<Format> offers, String what) {
        return Format.named(format, offers).orElseThrow(() -> new UserException("--format " + format + " does not fit " + what
                + "; use " + offers.stream().map(Format::shortName).collect(java.util.stream.Collectors.joining(", "))));
    }
}
