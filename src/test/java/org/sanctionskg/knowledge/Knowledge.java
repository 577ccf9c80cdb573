package org.sanctionskg.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.riot.RDFDataMgr;

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
    static final Path TEST_RESOURCES = ROOT.resolve("src/test/resources/knowledge");
    static final List<String> RDF_EXTENSIONS = List.of(".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf");

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
    private static Model entailed;
    private static Model served;

    private Knowledge() {}

    /** Every file the engine loads: RDF files under ontology/ and data/, recursively, sorted. */
    static List<Path> rdfFiles() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("ontology", "data")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                walk.filter(Files::isRegularFile).filter(Knowledge::isRdf).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static boolean isRdf(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return RDF_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

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

    /** The union with its RDFS closure (subclass, subproperty, domain, range), copied into a plain model. */
    static synchronized Model entailed() {
        if (entailed == null) {
            entailed = rdfsClosure(union());
        }
        return entailed;
    }

    /**
     * The union with the engine's whole entailment profile: RDFS closure plus owl:inverseOf (both directions),
     * owl:SymmetricProperty, owl:TransitiveProperty and owl:equivalentClass / owl:equivalentProperty, to a fixpoint.
     * A test stand-in for the engine's materialization, so the canned queries can be checked here.
     */
    static synchronized Model served() {
        if (served == null) {
            Model m = rdfsClosure(union());
            long before;
            do {
                before = m.size();
                m.add(owlStep(m));
                if (m.size() != before) {
                    m = rdfsClosure(m);
                }
            } while (m.size() != before);
            served = m;
        }
        return served;
    }

    /** One round of the OWL part of the profile: what inverses, symmetry, transitivity and equivalences add. */
    private static Model owlStep(Model m) {
        Model added = ModelFactory.createDefaultModel();
        m.listStatements(null, OWL.inverseOf, (RDFNode) null).toList().forEach(ax -> {
            Property p = ax.getSubject().as(Property.class);
            Property q = ax.getObject().as(Property.class);
            reverse(m, p, q, added);
            reverse(m, q, p, added);
        });
        m.listSubjectsWithProperty(RDF.type, OWL.SymmetricProperty).toList()
                .forEach(p -> reverse(m, p.as(Property.class), p.as(Property.class), added));
        m.listSubjectsWithProperty(RDF.type, OWL.TransitiveProperty).toList().forEach(r -> {
            Property p = r.as(Property.class);
            m.listStatements(null, p, (RDFNode) null).toList().forEach(ab -> {
                if (ab.getObject().isResource()) {
                    m.listStatements(ab.getObject().asResource(), p, (RDFNode) null)
                            .forEachRemaining(bc -> added.add(ab.getSubject(), p, bc.getObject()));
                }
            });
        });
        m.listStatements(null, OWL.equivalentProperty, (RDFNode) null).toList().forEach(ax -> {
            Property p = ax.getSubject().as(Property.class);
            Property q = ax.getObject().as(Property.class);
            m.listStatements(null, p, (RDFNode) null).forEachRemaining(st -> added.add(st.getSubject(), q, st.getObject()));
            m.listStatements(null, q, (RDFNode) null).forEachRemaining(st -> added.add(st.getSubject(), p, st.getObject()));
        });
        m.listStatements(null, OWL.equivalentClass, (RDFNode) null).toList().forEach(ax -> {
            RDFNode c = ax.getSubject();
            RDFNode d = ax.getObject();
            m.listSubjectsWithProperty(RDF.type, c).forEachRemaining(x -> added.add(x, RDF.type, d));
            m.listSubjectsWithProperty(RDF.type, d).forEachRemaining(x -> added.add(x, RDF.type, c));
        });
        return added;
    }

    private static void reverse(Model m, Property p, Property q, Model into) {
        m.listStatements(null, p, (RDFNode) null).forEachRemaining(st -> {
            if (st.getObject().isResource()) {
                into.add(st.getObject().asResource(), q, st.getSubject());
            }
        });
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
