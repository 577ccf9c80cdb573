package org.sanctionskg.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The competency questions of issue 4, asked of the real data with the engine's entailments. */
class CannedQueriesTest {

    private static final String ID = Knowledge.ID;
    private static final String WDQS = "https://query.wikidata.org/sparql";
    private static final Set<String> TYPES = Set.of("iri", "string", "date", "integer", "langString");

    /** Names and result columns fixed by issue 4. */
    private static final Map<String, List<String>> CONTRACT = new LinkedHashMap<>();
    static {
        CONTRACT.put("sanctioning-parties", List.of("party", "partyLabel", "measure", "measureType", "date"));
        CONTRACT.put("sanction-targets", List.of("party", "partyLabel", "target", "targetLabel", "date"));
        CONTRACT.put("targets-compared", List.of("target", "targetLabel", "measure", "date"));
        CONTRACT.put("countermeasures", List.of("target", "targetLabel", "category", "restriction", "imposedBy", "announcedBy", "inResponseTo"));
        CONTRACT.put("timeline", List.of("date", "event", "eventLabel", "actor", "actorLabel"));
        CONTRACT.put("statements", List.of("speaker", "speakerLabel", "date", "quote", "medium"));
        CONTRACT.put("evidence", List.of("fact", "factLabel", "quote", "start", "end", "source"));
        CONTRACT.put("coordination", List.of("party", "partyLabel", "partner", "partnerLabel"));
        CONTRACT.put("claims", List.of("claimant", "claimantLabel", "claim", "stance", "quote"));
        CONTRACT.put("wikidata-officials", List.of("person", "personLabel", "wikidata", "citizenshipLabel", "positionLabel", "birthDate"));
        CONTRACT.put("dataset-stats", List.of("class", "classLabel", "instances"));
    }

    // ---------------------------------------------------------------- the files and their headers

    @TestFactory
    Stream<DynamicTest> everyCannedQueryParsesAndHasAWellFormedHeader() {
        List<CannedQuery> queries = CannedQuery.all();
        assertTrue(queries.size() >= CONTRACT.size(), "queries: " + queries.size());
        return queries.stream().map(cq -> DynamicTest.dynamicTest(cq.name(), () -> {
            Query query = QueryFactory.create(cq.text());
            assertTrue(query.isSelectType(), "SELECT");
            for (String key : List.of("summary", "description", "example")) {
                assertTrue(cq.header().get(key) instanceof String, cq.name() + " header lacks " + key);
            }
            assertFalse(((String) cq.header().get("summary")).isBlank());
            assertTrue(cq.header().get("tags") instanceof List<?> tags && !tags.isEmpty(), "tags");
            assertTrue(cq.header().containsKey("params"), "params");
            for (Map<String, String> p : cq.params()) {
                String name = p.get("name");
                assertNotNull(name, "param without name");
                assertTrue(name.matches("[a-z][A-Za-z0-9]*"), name);
                assertTrue(TYPES.contains(p.get("type")), name + " type " + p.get("type"));
                assertTrue(Set.of("true", "false").contains(p.get("required")), name + " required");
                assertNotNull(p.get("description"), name + " description");
                assertTrue(Pattern.compile("[?$]" + name + "\\b").matcher(query.toString()).find(),
                        name + " is bound to no variable of the query");
                if (p.containsKey("default")) {
                    termOf(p.get("type"), p.get("default"));
                }
            }
        }));
    }

    @Test
    void theCompetencyQuestionsOfIssue4AreAllPresentWithTheirColumns() {
        for (var entry : CONTRACT.entrySet()) {
            Query query = QueryFactory.create(CannedQuery.named(entry.getKey()).text());
            assertEquals(entry.getValue(), query.getResultVars(), entry.getKey());
        }
    }

    // ---------------------------------------------------------------- the answers

    @Test
    void sanctioningPartiesOn2021_03_22AreExactlyTheUsTheEuTheUkAndCanada() {
        List<QuerySolution> rows = run("sanctioning-parties", Map.of());
        assertEquals(Set.of(ID + "united-states", ID + "european-union", ID + "united-kingdom", ID + "canada"), iris(rows, "party"));
        Set<String> euTypes = rows.stream().filter(r -> r.getResource("party").getURI().equals(ID + "european-union"))
                .map(r -> r.getResource("measureType").getLocalName()).collect(Collectors.toSet());
        assertEquals(Set.of("SanctionsDesignation", "AssetFreeze", "TravelBan"), euTypes);
    }

    @Test
    void sanctioningPartiesOn2020_07_09IsTheUnitedStatesAlone() {
        List<QuerySolution> rows = run("sanctioning-parties", Map.of("date", date("2020-07-09")));
        assertEquals(Set.of(ID + "united-states"), iris(rows, "party"));
    }

    @Test
    void sanctionTargetsOfTheUnitedStatesIncludeChenQuanguoAndTheTwoNamesOf2021() {
        List<QuerySolution> rows = run("sanction-targets", Map.of("party", iri(ID + "united-states")));
        Set<String> targets = iris(rows, "target");
        assertTrue(targets.containsAll(Set.of(ID + "chen-quanguo", ID + "wang-junzheng", ID + "chen-mingguo")), targets.toString());
        assertEquals(Set.of(ID + "united-states"), iris(rows, "party"));
    }

    @Test
    void sanctionTargetsWithoutAPartyCoverEveryImposer() {
        Set<String> parties = iris(run("sanction-targets", Map.of()), "party");
        assertEquals(Set.of(ID + "united-states", ID + "european-union", ID + "united-kingdom", ID + "canada", ID + "china"), parties);
    }

    @Test
    void targetsOfTheUsOnNoEuListAreChenQuanguoHuoLiujunAndTheXinjiangBureau() {
        List<QuerySolution> rows = run("targets-compared", Map.of());
        assertEquals(Set.of(ID + "chen-quanguo", ID + "huo-liujun", ID + "xinjiang-public-security-bureau"), iris(rows, "target"));
    }

    @Test
    void targetsOfTheEuOnNoUkListAreNone() {
        List<QuerySolution> rows = run("targets-compared", Map.of("a", iri(ID + "european-union"), "b", iri(ID + "united-kingdom")));
        assertEquals(Set.of(ID + "china"), iris(rows, "target"), "only the arms embargo's target");
    }

    @Test
    void chinaCounterSanctionedTenPeopleAndFourEntitiesAnnouncedByItsForeignMinistryInResponseToTheEu() {
        List<QuerySolution> rows = run("countermeasures", Map.of());
        assertEquals(14, iris(rows, "target").size());
        assertEquals(Set.of(ID + "china"), iris(rows, "imposedBy"));
        assertEquals(Set.of(ID + "china-ministry-of-foreign-affairs"), iris(rows, "announcedBy"));
        assertEquals(Set.of(ID + "eu-listing-2021-03-22"), iris(rows, "inResponseTo"));
        Set<String> restrictions = strings(rows, "restriction");
        assertTrue(restrictions.stream().anyMatch(r -> r.contains("Hong Kong") && r.contains("Macao")), restrictions.toString());
        assertTrue(restrictions.stream().anyMatch(r -> r.contains("business")), restrictions.toString());
        assertTrue(rows.stream().allMatch(r -> r.contains("category")), "every target has a category");
    }

    @Test
    void timelineStartsWithTiananmenAndJanuary2021HoldsOnlyTheGenocideDetermination() {
        List<QuerySolution> all = run("timeline", Map.of());
        assertEquals(ID + "tiananmen-killings-1989", all.get(0).getResource("event").getURI());
        List<QuerySolution> january = run("timeline", Map.of("from", date("2021-01-01"), "to", date("2021-01-31")));
        assertEquals(Set.of(ID + "genocide-determination-2021-01-19"), iris(january, "event"));
        assertEquals(Set.of(ID + "trump-administration", ID + "mike-pompeo"), iris(january, "actor"));
    }

    @Test
    void glucksmannCalledTheSanctionABadgeOfHonorInATweet() {
        List<QuerySolution> rows = run("statements", Map.of("speaker", iri(ID + "raphael-glucksmann")));
        assertEquals(1, rows.size());
        assertEquals("badge of honor", rows.get(0).getLiteral("quote").getString());
        assertEquals("tweet", rows.get(0).getLiteral("medium").getString());
        assertEquals("2021-03-22", rows.get(0).getLiteral("date").getLexicalForm());
    }

    @Test
    void chenQuanguosAbsenceFromTheEuListRestsOnSentenceNineteenAndTheEuSources() {
        List<QuerySolution> rows = run("evidence", Map.of("fact", iri(ID + "absence/chen-quanguo-not-on-eu-listing-2021-03-22")));
        List<QuerySolution> excerpts = rows.stream().filter(r -> r.contains("start")).toList();
        assertEquals(1, excerpts.size());
        assertTrue(excerpts.get(0).getLiteral("quote").getString().startsWith("Notably, neither the E.U., British or Canadian lists"));
        assertEquals(2410, excerpts.get(0).getLiteral("start").getInt());
        assertEquals(2598, excerpts.get(0).getLiteral("end").getInt());
        assertTrue(rows.size() > excerpts.size(), "the source documents are cited too");
    }

    @Test
    void theUsTheUkAndCanadaSaidTheyActedTogetherAndTheEuDidNot() {
        List<QuerySolution> rows = run("coordination", Map.of());
        assertEquals(Set.of(ID + "united-states", ID + "united-kingdom", ID + "canada"), iris(rows, "party"));
        assertEquals(9, rows.size(), "each of three parties with its three partners");
    }

    @Test
    void beijingDeniesAbusesAndClaimsUyghursAreThrivingAttributedNotAdjudicated() {
        List<QuerySolution> rows = run("claims", Map.of());
        List<QuerySolution> china = rows.stream().filter(r -> r.getResource("claimant").getURI().equals(ID + "china")).toList();
        Map<String, String> stanceOf = china.stream().collect(Collectors.toMap(
                r -> r.getLiteral("claim").getString(), r -> r.getLiteral("stance").getString(), (x, y) -> x));
        assertEquals("denies", stanceOf.get("There are human rights abuses in Xinjiang"));
        assertEquals("asserts", stanceOf.get("Uyghurs and other Turkic Muslims are thriving in Xinjiang"));
        Set<String> lexmann = rows.stream().filter(r -> r.getLiteral("claim").getString().contains("Lexmann"))
                .map(r -> r.getResource("claimant").getURI()).collect(Collectors.toSet());
        assertEquals(Set.of(ID + "china-ministry-of-foreign-affairs", ID + "european-parliament"), lexmann);
    }

    @Test
    void datasetStatsCountFiveDesignationsThirtyExcerptsAndOneReport() {
        Map<String, Integer> counts = new HashMap<>();
        for (QuerySolution r : run("dataset-stats", Map.of())) {
            counts.put(r.getResource("class").getURI(), r.getLiteral("instances").getInt());
        }
        assertEquals(5, counts.get(Knowledge.NS + "SanctionsDesignation"));
        assertEquals(30, counts.get(Knowledge.NS + "Excerpt"));
        assertEquals(1, counts.get(Knowledge.NS + "Report"));
    }

    @Test
    void chenQuanguoIsOnNoneOfTheEuUkOrCanadianLists() {
        List<QuerySolution> rows = run("absences", Map.of());
        assertEquals(Set.of(ID + "chen-quanguo"), iris(rows, "entity"));
        assertEquals(Set.of(ID + "european-union", ID + "united-kingdom", ID + "canada"), iris(rows, "party"));
    }

    @Test
    void canadasListingRestsOnSor2021_49MadeUnderTheSpecialEconomicMeasuresAct() {
        Set<String> acts = iris(run("legal-basis", Map.of("party", iri(ID + "canada"))), "act");
        assertEquals(Set.of(ID + "legal-act/sor-2021-49", ID + "legal-act/special-economic-measures-act"), acts);
    }

    @Test
    void theContributorsReportedFromWashingtonRigaAndBrusselsAndThePublisherIsInferred() {
        List<QuerySolution> rows = run("contributors", Map.of());
        assertEquals(Set.of(ID + "washington-dc", ID + "riga", ID + "brussels"), iris(rows, "place"));
        assertEquals(Set.of("The Washington Post"), strings(rows, "inferredPublisherLabel"));
        assertTrue(Knowledge.select(Knowledge.served(), "SELECT * WHERE { ?r a skg:Report ; dcterms:publisher ?p }").isEmpty(),
                "the report states no publisher, so the graph must not either");
    }

    @Test
    void mondayResolvesTo2021_03_22AndLastYearTo2020() {
        Map<String, String> resolved = new HashMap<>();
        for (QuerySolution r : run("date-resolutions", Map.of())) {
            resolved.put(r.getLiteral("expression").getString(), r.getLiteral("resolvedTo").getLexicalForm());
        }
        assertEquals("2021-03-22", resolved.get("Monday"));
        assertEquals("2020", resolved.get("last year"));
        assertEquals("2021-01", resolved.get("in January"));
    }

    @Test
    void wikidataOfficialsReadCitizenshipAndBirthDateThroughSameAsFromAWikidataMirror() {
        Model fixture = Knowledge.read(Knowledge.TEST_RESOURCES.resolve("wikidata-fixture.ttl"));
        FusekiServer mirror = FusekiServer.create().loopback(true).port(0)
                .add("/wikidata", DatasetFactory.wrap(fixture).asDatasetGraph(), false).build().start();
        try {
            String endpoint = "http://localhost:" + mirror.getPort() + "/wikidata/sparql";
            ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
            registry.addSingleLink((opExec, opOrig, binding, execCxt, chain) ->
                    chain.createExecution(opExec.getService().getURI().equals(WDQS)
                            ? new OpService(NodeFactory.createURI(endpoint), opExec.getSubOp(), opExec.getSilent())
                            : opExec, opOrig, binding, execCxt));
            Context context = ARQ.getContext().copy();
            ServiceExecutorRegistry.set(context, registry);
            List<QuerySolution> rows = run("wikidata-officials", Map.of(), b -> b.context(context));
            QuerySolution chen = rows.stream().filter(r -> r.getResource("person").getURI().equals(ID + "chen-quanguo"))
                    .findFirst().orElseThrow();
            assertEquals("People's Republic of China", chen.getLiteral("citizenshipLabel").getString());
            assertTrue(chen.getLiteral("birthDate").getLexicalForm().startsWith("1955-11"));
            assertEquals(15, iris(rows, "person").size(), "every linked person is answered");
            assertTrue(strings(rows, "positionLabel").contains("United States Secretary of State"));
        } finally {
            mirror.stop();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<QuerySolution> run(String name, Map<String, RDFNode> params) {
        return run(name, params, b -> b);
    }

    /** Runs a canned query on the served graph; parameters (and header defaults) are bound, never spliced. */
    private static List<QuerySolution> run(String name, Map<String, RDFNode> params,
            Function<QueryExecutionDatasetBuilder, QueryExecutionDatasetBuilder> customize) {
        CannedQuery cq = CannedQuery.named(name);
        QueryExecutionDatasetBuilder builder = QueryExecution.create()
                .query(QueryFactory.create(cq.text())).model(Knowledge.served());
        for (Map<String, String> p : cq.params()) {
            RDFNode value = params.containsKey(p.get("name")) ? params.get(p.get("name"))
                    : p.containsKey("default") ? termOf(p.get("type"), p.get("default")) : null;
            if (value != null) {
                builder.substitution(p.get("name"), value);
            }
        }
        assertTrue(cq.params().stream().map(p -> p.get("name")).collect(Collectors.toSet()).containsAll(params.keySet()),
                "unknown parameter for " + name + ": " + params.keySet());
        try (QueryExecution qe = customize.apply(builder).build()) {
            List<QuerySolution> rows = new ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            assertFalse(rows.isEmpty(), name + " answered nothing");
            return rows;
        }
    }

    private static RDFNode termOf(String type, String lexical) {
        return switch (type) {
            case "iri" -> iri(lexical);
            case "date" -> date(lexical);
            case "integer" -> ResourceFactory.createTypedLiteral(lexical, XSDDatatype.XSDinteger);
            case "string" -> ResourceFactory.createStringLiteral(lexical);
            default -> throw new IllegalArgumentException("no default handling for " + type);
        };
    }

    private static RDFNode iri(String iri) {
        return ResourceFactory.createResource(iri);
    }

    private static RDFNode date(String lexical) {
        RDFNode d = ResourceFactory.createTypedLiteral(lexical, XSDDatatype.XSDdate);
        assertTrue(d.asLiteral().getValue() != null);
        return d;
    }

    private static Set<String> iris(List<QuerySolution> rows, String var) {
        return rows.stream().filter(r -> r.contains(var)).map(r -> r.getResource(var).getURI())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> strings(List<QuerySolution> rows, String var) {
        return rows.stream().filter(r -> r.contains(var)).map(r -> r.getLiteral(var).getString())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
