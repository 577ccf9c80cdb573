package org.sanctionskg.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.riot.RDFDataMgr;
import org.sanctionskg.store.Entailments;
import org.sanctionskg.store.SourceReader;

/** The project's knowledge as the tests see it: files, article text, union graph and its RDFS closure. */
final class Knowledge {

    static final String NS = "https://w3id.org/sanctions-kg/ontology#";
    static final String ID = "https://w3id.org/sanctions-kg/id/";
    static final String SHAPES_NS = "https://w3id.org/sanctions-kg/shapes#";
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path ARTICLE = ROOT.resolve("data/articles/2021-03-22-xinjiang-sanctions.txt");
    static final Path ONTOLOGY = ROOT.resolve("ontology/sanctions-kg.ttl");
    static final Path CODE_LISTS = ROOT.resolve("ontology/code-lists.ttl");
    static final Path SHAPES = ROOT.resolve("ontology/shapes.ttl");
    static final Path TEST_RESOURCES = ROOT.resolve("kg/src/test/resources/knowledge");

    static final String PREFIXES = """
            PREFIX skg:  <https://w3id.org/sanctions-kg/ontology#>
            PREFIX id:   <https://w3id.org/sanctions-kg/id/>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX oa:   <http://www.w3.org/ns/oa#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX spdx: <http://spdx.org/rdf/terms#>
            """;

    private static Model union;
    private static Model served;

    private Knowledge() {}

    /** One file, triples or quads, as a single model (the union of its graphs). */
    static Model read(Path file) {
        Dataset ds = DatasetFactory.create();
        RDFDataMgr.read(ds, file.toString());
        Model m = ModelFactory.createDefaultModel().add(ds.getDefaultModel());
        ds.listModelNames().forEachRemaining(n -> m.add(ds.getNamedModel(n)));
        return m;
    }

    static Model read(Path... files) {
        Model m = ModelFactory.createDefaultModel();
        for (Path f : files) {
            m.add(read(f));
        }
        return m;
    }

    /** The union of every loaded file, as the engine serves it before entailment. */
    static synchronized Model union() {
        if (union == null) {
            union = read(rdfFiles().toArray(Path[]::new));
        }
        return union;
    }

    /** The union with the engine's own materialized entailments: exactly what the store serves. */
    static synchronized Model served() {
        if (served == null) {
            Model m = ModelFactory.createDefaultModel().add(union());
            Entailments.of(union().getGraph()).find().forEachRemaining(m.getGraph()::add);
            served = m;
        }
        return served;
    }

    /** Kept for readability where a test only needs class and property hierarchies: the same served graph. */
    static Model entailed() {
        return served();
    }

    /** Every file the engine loads, found the way the engine finds them. */
    static List<Path> rdfFiles() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("ontology", "data")) files.addAll(SourceReader.rdfFiles(ROOT.resolve(dir)));
        return files;
    }

    static Model rdfsClosure(Model base) {
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getRDFSSimpleReasoner(), base);
        return ModelFactory.createDefaultModel().add(inf);
    }

    static String article() {
        try {
            return Files.readString(ARTICLE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<QuerySolution> select(Model model, String query) {
        try (QueryExecution qe = QueryExecution.model(model).query(PREFIXES + query).build()) {
            List<QuerySolution> rows = new ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }
}
