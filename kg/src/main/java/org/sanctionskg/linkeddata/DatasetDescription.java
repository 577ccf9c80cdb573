package org.sanctionskg.linkeddata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.DistinctObjects;
import org.sanctionskg.store.StoreBuilder.BuildStep;
import org.sanctionskg.store.StorePass;
import org.sanctionskg.web.Citation;

/**
 * Load step: the VoID + DCAT description of the dataset, counted from the store and written to the build's
 * download folder after the dumps (it gives their sizes and checksums). It keeps to DCAT-AP 3.0.1: every value
 * of a range-constrained property is typed with the class DCAT-AP expects.
 */
public final class DatasetDescription implements BuildStep {
    public static final String TITLE = "sanctions-kg";
    public static final String DESCRIPTION = "A knowledge graph of one news report: the coordinated US, EU, UK and Canadian "
            + "sanctions over Xinjiang of 22 March 2021 and China's counter-sanctions, with every fact traced to the "
            + "sentence of the report (or the source document) that states it.";
    public static final String LICENSE = Citation.LICENCE;
    private static final String IANA = "https://www.iana.org/assignments/media-types/";
    private static final String EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    private static final Map<String, String> FILE_TYPES = Map.of(
            Published.TURTLE.file(), "RDF_TURTLE", Published.NQUADS.file(), "RDF_N_QUADS", Published.JSONLD.file(), "JSON_LD");

    private final String base;
    /** Statistics counted in a build's pass, by build id, until the description is written from them. */
    private final Map<String, DatasetStatistics> counted = new ConcurrentHashMap<>();

    public DatasetDescription(String base) {
        this.base = base;
    }

    /** The IRI of the dataset itself: a fragment of the description document. */
    public static String datasetIri(String base) {
        return base + ".well-known/void#dataset";
    }

    @Override
    public String name() {
        return "description";
    }

    /** The statistics, counted by a reader of the build's one pass; the description itself waits for the dumps. */
    @Override
    public List<StorePass.Reader> readers(Build build, DatasetGraph dataset) {
        return List.of(quads -> {
            long objects = Txn.calculateRead(dataset, () -> DistinctObjects.count(dataset));
            counted.put(build.id(), DatasetStatistics.of(StorePass.triples(quads), objects, base));
        });
    }

    @Override
    public void apply(Build build, DatasetGraph dataset) {
        DatasetStatistics stats = counted.remove(build.id());
        if (stats == null) throw new IllegalStateException("the statistics of build " + build.id() + " were not counted");
        Model m = Txn.calculateRead(dataset, () -> {
            Optional<Ontology> ontology = Ontology.find(dataset, base);
            return describe(build, stats, ontology.map(o -> o.graph().find(o.iri(), DCTerms.issued.asNode(), Node.ANY)
                    .mapWith(t -> t.getObject().getLiteralLexicalForm()).nextOptional().orElse(null)));
        });
        try (OutputStream out = Files.newOutputStream(Published.description(build))) {
            RDFDataMgr.write(out, m, RDFFormat.TURTLE_PRETTY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Model describe(Build build, DatasetStatistics stats, Optional<String> issued) {
        Model m = ModelFactory.createDefaultModel().setNsPrefixes(Namespaces.prefixes(base));
        Resource license = m.createResource(LICENSE).addProperty(RDF.type, DCTerms.LicenseDocument)
                .addProperty(RDFS.label, "Creative Commons Attribution 4.0 International");
        Resource creator = m.createResource(base + "id/sanctions-kg").addProperty(RDF.type, FOAF.Agent)
                .addProperty(FOAF.name, "The sanctions-kg project");
        Resource ds = m.createResource(datasetIri(base)).addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, TITLE, "en").addProperty(DCTerms.description, DESCRIPTION, "en")
                .addProperty(DCTerms.license, license).addProperty(DCTerms.creator, creator).addProperty(DCTerms.publisher, creator)
                .addProperty(DCTerms.issued, m.createTypedLiteral(issued.orElse(today()), XSDDatatype.XSDdate))
                .addProperty(DCTerms.modified, m.createTypedLiteral(Instant.now().toString(), XSDDatatype.XSDdateTime))
                .addProperty(m.createProperty(DCAT.NS + "version"), build.id())
                .addProperty(DCAT.landingPage, m.createResource(base).addProperty(RDF.type, FOAF.Document))
                .addProperty(VOID.uriSpace, DatasetStatistics.uriSpace(base))
                .addProperty(VOID.sparqlEndpoint, m.createResource(base + "sparql"));
        for (String k : new String[] {"sanctions", "Xinjiang", "human rights", "provenance"}) ds.addProperty(DCAT.keyword, k, "en");
        m.createResource(base + ".well-known/void").addProperty(RDF.type, VOID.DatasetDescription)
                .addProperty(DCTerms.title, "VoID and DCAT description of " + TITLE, "en")
                .addProperty(FOAF.primaryTopic, ds);
        counts(m, ds, stats);
        distributions(m, ds, build, license);
        service(m, ds);
        linkset(m, ds, stats.wikidataLinks());
        return m;
    }

    private void counts(Model m, Resource ds, DatasetStatistics s) {
        ds.addLiteral(VOID.triples, count(m, s.triples())).addLiteral(VOID.entities, count(m, s.entities()))
                .addLiteral(VOID.distinctSubjects, count(m, s.distinctSubjects())).addLiteral(VOID.distinctObjects, count(m, s.distinctObjects()))
                .addLiteral(VOID.properties, count(m, s.properties())).addLiteral(VOID.classes, count(m, s.classes()));
        s.classPartitions().forEach((c, n) -> ds.addProperty(VOID.classPartition, m.createResource()
                .addProperty(VOID._class, m.asRDFNode(c)).addLiteral(VOID.entities, count(m, n))));
        s.propertyPartitions().forEach((p, n) -> ds.addProperty(VOID.propertyPartition, m.createResource()
                .addProperty(VOID.property, m.asRDFNode(p)).addLiteral(VOID.triples, count(m, n))));
        s.propertyPartitions().keySet().stream().filter(Node::isURI).map(p -> namespaceOf(p.getURI())).distinct().sorted()
                .forEach(ns -> ds.addProperty(VOID.vocabulary, m.createResource(ns)));
        s.examples().forEach(e -> ds.addProperty(VOID.exampleResource, m.asRDFNode(e)));
    }

    private void distributions(Model m, Resource ds, Build build, Resource license) {
        for (Published.Dump dump : Published.DUMPS) {
            Path file = build.downloads().resolve(dump.file());
            String url = base + "download/" + dump.file();
            Resource media = m.createResource(IANA + dump.mediaType()).addProperty(RDF.type, DCTerms.MediaType);
            Resource format = m.createResource(EU_FILE_TYPE + FILE_TYPES.get(dump.file())).addProperty(RDF.type, DCTerms.MediaTypeOrExtent);
            Resource checksum = m.createResource().addProperty(RDF.type, m.createResource(Namespaces.SPDX + "Checksum"))
                    .addProperty(m.createProperty(Namespaces.SPDX + "algorithm"), m.createResource(Namespaces.SPDX + "checksumAlgorithm_sha256"))
                    .addProperty(m.createProperty(Namespaces.SPDX + "checksumValue"), m.createTypedLiteral(sha256(build, dump), XSDDatatype.XSDhexBinary));
            Resource dist = m.createResource(base + ".well-known/void#" + dump.file()).addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, dump.title(), "en").addProperty(DCAT.downloadURL, m.createResource(url))
                    .addProperty(DCAT.accessURL, m.createResource(base + "download/")).addProperty(DCAT.mediaType, media)
                    .addProperty(DCTerms.format, format).addProperty(DCTerms.license, license)
                    .addProperty(DCAT.byteSize, m.createTypedLiteral(BigInteger.valueOf(size(file)), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(m.createProperty(Namespaces.SPDX + "checksum"), checksum);
            if (dump.file().endsWith(".gz"))
                dist.addProperty(DCAT.compressFormat, m.createResource(IANA + "application/gzip").addProperty(RDF.type, DCTerms.MediaType));
            ds.addProperty(DCAT.distribution, dist).addProperty(VOID.dataDump, m.createResource(url));
        }
    }

    private void service(Model m, Resource ds) {
        m.createResource(base + ".well-known/void#sparql").addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, "SPARQL 1.1 query endpoint (read-only)", "en")
                .addProperty(DCAT.endpointURL, m.createResource(base + "sparql"))
                .addProperty(DCAT.servesDataset, ds)
                .addProperty(DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/").addProperty(RDF.type, DCTerms.Standard));
    }

    private void linkset(Model m, Resource ds, long links) {
        Resource wikidata = m.createResource(base + ".well-known/void#wikidata").addProperty(RDF.type, VOID.Dataset)
                .addProperty(DCTerms.title, "Wikidata", "en").addProperty(VOID.uriSpace, Namespaces.WIKIDATA_ENTITY)
                .addProperty(VOID.sparqlEndpoint, m.createResource("https://query.wikidata.org/sparql"));
        ds.addProperty(VOID.subset, m.createResource(base + ".well-known/void#wikidata-links").addProperty(RDF.type, VOID.Linkset)
                .addProperty(VOID.subjectsTarget, ds).addProperty(VOID.objectsTarget, wikidata)
                .addProperty(VOID.linkPredicate, OWL2.sameAs).addLiteral(VOID.triples, count(m, links)));
    }

    private static Literal count(Model m, long n) {
        return m.createTypedLiteral(BigInteger.valueOf(n), XSDDatatype.XSDinteger);
    }

    private static String namespaceOf(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(0, cut + 1);
    }

    private static String sha256(Build build, Published.Dump dump) {
        String line = new String(Published.read(build.downloads().resolve(dump.checksumFile())), java.nio.charset.StandardCharsets.UTF_8);
        return line.substring(0, line.indexOf(' '));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
