package org.sanctionskg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.system.Txn;
import org.sanctionskg.UserException;
import org.sanctionskg.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code query}: run SPARQL against the store, without a server. */
@Command(name = "query", description = "Run a SPARQL query against the store (no server needed).")
final class QueryCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Text text;

    static final class Text {
        @Option(names = "--file", paramLabel = "F.rq", required = true, description = "A file holding the query.") Path file;
        @Option(names = "--sparql", paramLabel = "QUERY", required = true, description = "The query text.") String sparql;
    }

    @Option(names = "--format", defaultValue = "table", description = "table|csv|tsv|json|xml for SELECT/ASK; ttl|nt|jsonld|xml for CONSTRUCT/DESCRIBE.")
    String format;

    @Override
    public Integer call() throws IOException {
        Query query = parse();
        try (Store store = Store.open(options.store)) {
            OutputStream out = new WriterOutputStream(spec.commandLine().getOut());
            Txn.executeRead(store.dataset(), () -> run(query, store, out));
            out.flush();
        }
        return 0;
    }

    private Query parse() throws IOException {
        String source = text.sparql != null ? text.sparql : read(text.file);
        String name = text.file != null ? text.file.toString() : "query";
        try {
            return QueryFactory.create(source);
        } catch (QueryParseException e) {
            throw new UserException(name + ":" + e.getLine() + ":" + e.getColumn() + ": " + firstLine(e.getMessage()));
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        }
    }

    static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private void run(Query query, Store store, OutputStream out) {
        try (QueryExecution exec = QueryExecutionFactory.create(query, DatasetFactory.wrap(store.dataset()))) {
            if (query.isSelectType()) writeRows(exec.execSelect(), out);
            else if (query.isAskType()) writeBoolean(exec.execAsk(), out);
            else if (query.isConstructQuad()) RDFDataMgr.write(out, exec.execConstructDataset(), RDFFormat.TRIG_BLOCKS);
            else if (query.isConstructType()) RDFDataMgr.write(out, exec.execConstruct(), graphFormat());
            else RDFDataMgr.write(out, exec.execDescribe(), graphFormat());
        }
    }

    private void writeRows(ResultSet rows, OutputStream out) {
        switch (format) {
            case "table" -> ResultSetFormatter.out(out, rows);
            case "csv" -> ResultSetMgr.write(out, rows, ResultSetLang.RS_CSV);
            case "tsv" -> ResultSetMgr.write(out, rows, ResultSetLang.RS_TSV);
            case "json" -> ResultSetMgr.write(out, rows, ResultSetLang.RS_JSON);
            case "xml" -> ResultSetMgr.write(out, rows, ResultSetLang.RS_XML);
            default -> throw new UserException("--format " + format + " does not fit a SELECT; use table, csv, tsv, json or xml");
        }
    }

    private void writeBoolean(boolean answer, OutputStream out) {
        switch (format) {
            case "json" -> ResultSetMgr.write(out, answer, ResultSetLang.RS_JSON);
            case "xml" -> ResultSetMgr.write(out, answer, ResultSetLang.RS_XML);
            case "table", "csv", "tsv" -> new java.io.PrintStream(out, true).println(answer ? "yes" : "no");
            default -> throw new UserException("--format " + format + " does not fit an ASK; use table, json or xml");
        }
    }

    private RDFFormat graphFormat() {
        return switch (format) {
            case "table", "ttl" -> RDFFormat.TURTLE_PRETTY;
            case "nt" -> RDFFormat.NTRIPLES;
            case "jsonld" -> RDFFormat.JSONLD11;
            case "xml" -> RDFFormat.RDFXML_PLAIN;
            default -> throw new UserException("--format " + format + " does not fit a CONSTRUCT; use ttl, nt, jsonld or xml");
        };
    }
}
