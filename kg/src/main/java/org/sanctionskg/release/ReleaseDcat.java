package org.sanctionskg.release;

import java.math.BigInteger;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sanctionskg.linkeddata.DatasetDescription;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.web.Paths;

/**
 * The releases in DCAT 3: the dataset {@code dcat:hasVersion} each release and {@code dcat:hasCurrentVersion} the
 * live one; each release a {@code dcat:Dataset} with {@code dcat:version} (its id), {@code dcterms:issued},
 * {@code dcat:previousVersion} and {@code owl:priorVersion} (the release it replaced), the ontology version it
 * conforms to, its content hash, and its dumps as distributions with size and SHA-256.
 */
final class ReleaseDcat {
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    private ReleaseDcat() {}

    static Graph of(List<Release> releases, Paths paths) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Namespaces.prefixes(paths.base()));
        Resource dataset = m.createResource(DatasetDescription.datasetIri(paths.base()));
        for (int i = 0; i < releases.size(); i++) {
            Release r = releases.get(i);
            Resource version = describe(m, r, paths);
            dataset.addProperty(m.createProperty(DCAT.NS + "hasVersion"), version);
            if (i == 0) dataset.addProperty(m.createProperty(DCAT.NS + "hasCurrentVersion"), version);
            version.addProperty(DCTerms.isVersionOf, dataset);
        }
        return m.getGraph();
    }

    private static Resource describe(Model m, Release r, Paths paths) {
        Resource version = m.createResource(Releases.iri(paths, r.id())).addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, DatasetDescription.TITLE + " release " + r.id(), "en")
                .addProperty(m.createProperty(DCAT.NS + "version"), r.id())
                .addProperty(DCTerms.issued, m.createTypedLiteral(new XSDDateTime(java.util.GregorianCalendar.from(r.issued().atZone(java.time.ZoneOffset.UTC)))))
                .addProperty(DCTerms.license, m.createResource(DatasetDescription.LICENSE));
        if (!r.ontologyVersion().isEmpty())
            version.addProperty(DCTerms.conformsTo, m.createResource(paths.iri(Paths.ONTOLOGY) + "/" + r.ontologyVersion()));
        r.previous().ifPresent(p -> {
            Resource prior = m.createResource(Releases.iri(paths, p));
            version.addProperty(m.createProperty(DCAT.NS + "previousVersion"), prior).addProperty(OWL2.priorVersion, prior);
        });
        if (!r.contentHash().isEmpty())
            version.addProperty(spdx(m, "checksum"), checksum(m, r.contentHash().substring("sha256:".length()))
                    .addProperty(RDFS.comment, "SHA-256 of the release's sorted canonical N-Quads (docs/operations.md#releases)", "en"));
        for (Release.Dump d : r.dumps()) {
            String url = Releases.download(paths, r.id(), d.dump().file());
            Resource dist = m.createResource(url).addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, d.dump().title(), "en").addProperty(DCAT.downloadURL, m.createResource(url))
                    .addProperty(DCAT.mediaType, m.createResource(IANA + d.dump().mediaType()))
                    .addProperty(DCAT.byteSize, m.createTypedLiteral(BigInteger.valueOf(d.bytes()), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(spdx(m, "checksum"), checksum(m, d.sha256()));
            version.addProperty(DCAT.distribution, dist);
        }
        return version;
    }

    private static Resource checksum(Model m, String hex) {
        return m.createResource().addProperty(RDF.type, m.createResource(Namespaces.SPDX + "Checksum"))
                .addProperty(spdx(m, "algorithm"), m.createResource(Namespaces.SPDX + "checksumAlgorithm_sha256"))
                .addProperty(spdx(m, "checksumValue"), m.createTypedLiteral(hex, XSDDatatype.XSDhexBinary));
    }

    private static Property spdx(Model m, String local) {
        return m.createProperty(Namespaces.SPDX + local);
    }
}
