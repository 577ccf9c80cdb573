package org.sanctionskg.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctionskg.query.Answered.column;
import static org.sanctionskg.testing.Http.encode;

/**
 * The graph's competency questions: every canned query of {@code queries/}, asked over HTTP of a store loaded from
 * the real {@code ontology/} and {@code data/}, answers what the report or the research notes (sources.md) say.
 * A wrong modelling choice shows up here as a failing question.
 */
class CompetencyQuestionsTest {
    private static final String ID = "https://w3id.org/sanctions-kg/id/";
    private static final String SKG = "https://w3id.org/sanctions-kg/ontology#";
    private static final String US = ID + "united-states", EU = ID + "european-union", UK = ID + "united-kingdom",
            CANADA = ID + "canada", CHINA = ID + "china";
    /** The queries this class asks; a new .rq file needs its own question here. */
    private static final Set<String> ASKED = Set.of("sanctioning-parties", "sanction-targets", "targets-compared",
            "countermeasures", "timeline", "statements", "evidence", "coordination", "claims", "wikidata-officials",
            "dataset-stats", "absences", "legal-basis", "contributors", "date-resolutions",
            "measure-reasons", "day-order", "history", "contested");

    @TempDir static Path store;
    static Config config;

    @BeforeAll
    static void load() {
        config = QueryFixture.loadStore(Path.of(""), store);
    }

    /** The rows of {@code /queries/{pathAndQuery}} as SPARQL JSON, failing on anything but a 200. */
    private static List<Map<String, String>> ask(String pathAndQuery) throws Exception {
        List<List<Map<String, String>>> answer = new java.util.ArrayList<>();
        Servers.withServer(config, base -> answer.add(rows(base.resolve("queries/" + pathAndQuery))));
        return answer.get(0);
    }

    private static List<Map<String, String>> rows(java.net.URI uri) throws Exception {
        var r = Http.get(uri, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), uri + ": " + r.body());
        return Answered.rows(r.body());
    }

    private static Set<String> set(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyCannedQueryHasACompetencyQuestion() {
        Set<String> files = Catalogue.load(config.queriesDir()).all().stream().map(CannedQuery::name).collect(Collectors.toSet());
        assertFalse(files.isEmpty(), "no canned queries found in " + config.queriesDir().toAbsolutePath());
        assertEquals(new TreeSet<>(files), new TreeSet<>(ASKED));
    }

    @Test
    void sanctioningPartiesOnTheDayAreExactlyTheUsTheEuTheUkAndCanada() throws Exception {
        var rows = ask("sanctioning-parties");
        assertEquals(Set.of(US, EU, UK, CANADA), set(rows, "party"));
        assertEquals(Set.of("2021-03-22"), set(rows, "date"));
        Set<String> euTypes = rows.stream().filter(r -> r.get("party").equals(EU)).map(r -> r.get("measureType")).collect(Collectors.toSet());
        assertTrue(euTypes.containsAll(Set.of(SKG + "AssetFreeze", SKG + "TravelBan")), euTypes.toString());
        assertEquals(Set.of(US), set(ask("sanctioning-parties?date=2020-07-09"), "party"), "S6: OFAC alone on 9 July 2020");
    }

    @Test
    void sanctionTargetsOfTheUsAreTheNamesOf2020And2021() throws Exception {
        var us = ask("sanction-targets?party=" + encode(US));
        assertEquals(Set.of(US), set(us, "party"));
        assertEquals(Set.of("Chen Quanguo", "Zhu Hailun", "Wang Mingshan", "Huo Liujun", "Wang Junzheng", "Chen Mingguo"),
                set(us, "targetLabel").stream().filter(l -> !l.contains("Bureau")).collect(Collectors.toSet()), "S2 and S6");
        assertEquals(Set.of(US, EU, UK, CANADA, CHINA), set(ask("sanction-targets"), "party"));
    }

    @Test
    void targetsOfTheUsOnNoEuListIncludeChenQuanguoAndNoneTheEuListed() throws Exception {
        var rows = ask("targets-compared");
        Set<String> targets = set(rows, "target");
        assertTrue(targets.contains(ID + "chen-quanguo"), targets.toString());
        assertEquals(Set.of(ID + "chen-quanguo", ID + "huo-liujun", ID + "xinjiang-public-security-bureau"), targets,
                "S1, S2, S6: the US listed these in 2020; the EU listed Zhu Hailun, Wang Mingshan and the two of 2021");
        var reversed = ask("targets-compared?a=" + encode(EU) + "&b=" + encode(US));
        assertTrue(set(reversed, "targetLabel").stream().anyMatch(l -> l.contains("Production and Construction Corps")), reversed.toString());
    }

    @Test
    void chinaCounterSanctionedTheTenPeopleAndFourEntitiesOfTheMinistrysStatement() throws Exception {
        var rows = ask("countermeasures");
        assertEquals(Set.of("Reinhard Bütikofer", "Michael Gahler", "Raphaël Glucksmann", "Ilhan Kyuchyuk", "Miriam Lexmann",
                "Sjoerd Wiemer Sjoerdsma", "Samuel Cogolati", "Dovilė Šakalienė", "Adrian Zenz", "Björn Jerdén",
                "Political and Security Committee", "Subcommittee on Human Rights of the European Parliament",
                "Mercator Institute for China Studies", "Alliance of Democracies Foundation"), set(rows, "targetLabel"), "S5");
        assertEquals(Set.of(CHINA), set(rows, "imposedBy"));
        assertEquals(Set.of(ID + "china-ministry-of-foreign-affairs"), set(rows, "announcedBy"));
        assertEquals(Set.of(ID + "eu-listing-2021-03-22"), set(rows, "inResponseTo"));
        Set<String> restrictions = set(rows, "restriction");
        assertTrue(restrictions.stream().anyMatch(r -> r.contains("Hong Kong") && r.contains("Macao")), restrictions.toString());
        assertTrue(restrictions.stream().anyMatch(r -> r.contains("business")), restrictions.toString());
        assertTrue(rows.stream().allMatch(r -> r.containsKey("category")), "every target is in one of the report's categories");
    }

    @Test
    void theTimelineRunsOldestFirstFromTiananmenAndJanuary2021HoldsTheGenocideDetermination() throws Exception {
        var all = ask("timeline");
        assertEquals(ID + "tiananmen-killings-1989", all.get(0).get("event"));
        List<String> dates = column(all, "date");
        for (int i = 1; i < dates.size(); i++) assertTrue(dates.get(i - 1).compareTo(dates.get(i)) <= 0, dates.toString());
        var january = ask("timeline?from=2021-01-01&to=2021-01-31");
        assertEquals(Set.of(ID + "genocide-determination-2021-01-19"), set(january, "event"), "S6: 19 January 2021");
    }

    @Test
    void glucksmannTweetedThatTheSanctionIsABadgeOfHonor() throws Exception {
        var rows = ask("statements?speaker=" + encode(ID + "raphael-glucksmann"));
        assertEquals(1, rows.size());
        assertEquals("badge of honor", rows.get(0).get("quote"));
        assertEquals("2021-03-22", rows.get(0).get("date"));
        assertTrue(set(ask("statements"), "quote").stream().anyMatch(q -> q.startsWith("We stand united with the UK, Canada, and the EU")));
    }

    @Test
    void theEvidenceForChenQuanguosAbsenceIsTheReportsSentenceAtItsOffsets() throws Exception {
        String article = Files.readString(Path.of("data/articles/2021-03-22-xinjiang-sanctions.txt"), StandardCharsets.UTF_8);
        var rows = ask("evidence?fact=" + encode(ID + "absence-chen-quanguo-not-on-eu-listing-2021-03-22"));
        var excerpts = rows.stream().filter(r -> r.containsKey("start")).toList();
        assertEquals(1, excerpts.size(), rows.toString());
        Map<String, String> e = excerpts.get(0);
        assertTrue(e.get("quote").startsWith("Notably, neither the E.U., British or Canadian lists includes"), e.get("quote"));
        int[] cps = article.codePoints().toArray();
        assertEquals(e.get("quote"), new String(cps, Integer.parseInt(e.get("start")), Integer.parseInt(e.get("end")) - Integer.parseInt(e.get("start"))));
        assertTrue(rows.stream().anyMatch(r -> !r.containsKey("start") && r.containsKey("source")), "the source documents are cited too");
    }

    @Test
    void theUsBritishAndCanadianStatementsStressedCooperation() throws Exception {
        var rows = ask("coordination");
        assertEquals(Set.of(US, UK, CANADA), set(rows, "party"));
        Set<String> usPartners = rows.stream().filter(r -> r.get("party").equals(US)).map(r -> r.get("partner")).collect(Collectors.toSet());
        assertTrue(usPartners.containsAll(Set.of(UK, CANADA, EU)), "Blinken: “We stand united with the UK, Canada, and the EU”: " + usPartners);
    }

    @Test
    void beijingDeniesHumanRightsAbusesAndClaimsUyghursAreThriving() throws Exception {
        var china = ask("claims").stream().filter(r -> r.get("claimant").equals(CHINA)).toList();
        Map<String, String> stanceOf = china.stream().collect(Collectors.toMap(r -> r.get("claim"), r -> r.get("stance"), (x, y) -> x));
        assertEquals("denies", stanceOf.get("There are human rights abuses in Xinjiang"), stanceOf.toString());
        assertEquals("asserts", stanceOf.get("Uyghurs and other Turkic Muslims are thriving in Xinjiang"), stanceOf.toString());
    }

    @Test
    void wikidataGivesChenQuanguoPrcCitizenshipAndHisBirthDate() throws Exception {
        Servers.withPlainFuseki(FederationTest.wikidata(), wd ->
            Servers.withServer(FederationTest.mirroredTo(config, wd.resolve("sparql"), Duration.ofSeconds(30)), base -> {
                var chen = rows(base.resolve("queries/wikidata-officials")).stream()
                        .filter(r -> r.get("person").equals(ID + "chen-quanguo")).toList();
                assertEquals(1, chen.size(), chen.toString());
                assertEquals("People's Republic of China", chen.get(0).get("citizenshipLabel"));
                assertEquals("1955-11-01T00:00:00Z", chen.get(0).get("birthDate"));
                assertEquals("http://www.wikidata.org/entity/Q551462", chen.get(0).get("wikidata"));
            }));
    }

    @Test
    void theDatasetCountsFiveDesignationsThirtyExcerptsAndOneReport() throws Exception {
        Map<String, String> counts = ask("dataset-stats").stream().collect(Collectors.toMap(r -> r.get("class"), r -> r.get("instances")));
        assertEquals("5", counts.get(SKG + "SanctionsDesignation"), "four on 22 March 2021 and OFAC's of 9 July 2020");
        assertEquals("30", counts.get(SKG + "Excerpt"), "one per sentence of the report");
        assertEquals("1", counts.get(SKG + "Report"));
    }

    @Test
    void chenQuanguoIsOnNeitherTheEuBritishNorCanadianList() throws Exception {
        var rows = ask("absences");
        assertEquals(Set.of(ID + "chen-quanguo"), set(rows, "entity"));
        assertEquals(Set.of(EU, UK, CANADA), set(rows, "party"));
    }

    @Test
    void canadasListingRestsOnSor2021_49UnderTheSpecialEconomicMeasuresAct() throws Exception {
        assertEquals(Set.of(ID + "legal-act-sor-2021-49", ID + "legal-act-special-economic-measures-act"),
                set(ask("legal-basis?party=" + encode(CANADA)), "act"), "S4");
    }

    @Test
    void theContributorsReportedFromWashingtonRigaAndBrusselsAndThePublisherIsOnlyInferred() throws Exception {
        var rows = ask("contributors");
        assertEquals(Set.of(ID + "washington-dc", ID + "riga", ID + "brussels"), set(rows, "place"));
        assertEquals(Set.of("The Washington Post"), set(rows, "inferredPublisherLabel"));
    }

    @Test
    void mondayIs22March2021AndLastYearIs2020() throws Exception {
        Map<String, String> resolved = ask("date-resolutions").stream()
                .collect(Collectors.toMap(r -> r.get("expression"), r -> r.get("resolvedTo"), (x, y) -> x));
        assertEquals("2021-03-22", resolved.get("Monday"));
        assertEquals("2020", resolved.get("last year"));
        assertEquals("2021-01", resolved.get("in January"));
    }

    /** One column's values per row key, as sets (rows without a value left out): e.g. the reasons for each party's measure. */
    private static Map<String, Set<String>> grouped(List<Map<String, String>> rows, String key, String value) {
        return rows.stream().filter(r -> r.get(value) != null).collect(Collectors.groupingBy(r -> r.get(key), java.util.TreeMap::new,
                Collectors.mapping(r -> r.get(value), Collectors.toCollection(TreeSet::new))));
    }

    @Test
    void allFourMeasuresAreTiedToHumanRightsAbusesAndTheUsMeasureToGenocideByTheBidenAdministration() throws Exception {
        var rows = ask("measure-reasons");
        String abuses = ID + "proposition-human-rights-abuses-in-xinjiang", genocide = ID + "proposition-genocide-against-uyghurs";
        assertEquals(Map.of(EU, Set.of(abuses), UK, Set.of(abuses), CANADA, Set.of(abuses), US, Set.of(abuses, genocide)),
                grouped(rows, "party", "reason"), "paragraph 1 (all four) and paragraph 10 (the US measure)");
        var byGenocide = rows.stream().filter(r -> r.get("reason").equals(genocide)).toList();
        assertEquals(Set.of(ID + "biden-administration"), set(byGenocide, "claimant"), "'for what it calls a campaign of genocide'");
        assertTrue(byGenocide.get(0).get("quote").contains("for what it calls a campaign of genocide"), byGenocide.toString());
        assertEquals(Set.of(ID + "report-2021-03-22-xinjiang-sanctions"),
                set(rows.stream().filter(r -> r.get("reason").equals(abuses)).toList(), "claimant"), "the report's own voice");
    }

    @Test
    void theEuMovedFirstAndChinaTheUsTheUkAndCanadaFollowedSharingTheSecondRank() throws Exception {
        var rows = ask("day-order");
        Map<String, Set<String>> rank = grouped(rows, "event", "rank");
        assertEquals(Map.of(ID + "eu-listing-2021-03-22", Set.of("1"), ID + "china-countermeasures-2021-03-22", Set.of("2"),
                ID + "us-designation-2021-03-22", Set.of("2"), ID + "uk-listing-2021-03-22", Set.of("2"),
                ID + "canada-listing-2021-03-22", Set.of("2")), rank, "'first to move'; 'quickly responded'; 'Not long after'");
        assertEquals(Set.of("early"), grouped(rows, "event", "timeOfDay").get(ID + "eu-listing-2021-03-22"));
        assertEquals(Set.of("midday"), grouped(rows, "event", "timeOfDay").get(ID + "us-designation-2021-03-22"), "'announced midday'");
        assertTrue(grouped(rows, "event", "quote").get(ID + "china-countermeasures-2021-03-22").stream()
                .anyMatch(q -> q.startsWith("China quickly responded")), rows.toString());
        for (int i = 1; i < rows.size(); i++)
            assertTrue(Integer.parseInt(rows.get(i - 1).get("rank")) <= Integer.parseInt(rows.get(i).get("rank")), "rows in rank order");
        var earlier = ask("day-order?date=2020-07-09");
        assertEquals(Map.of(ID + "us-designation-2020-07-09", Set.of("1")), grouped(earlier, "event", "rank"), "S6: alone that day");
    }

    @Test
    void theHistoryBeforeMondayRunsFromTiananmenThroughTheBoundedEventsToTheReaffirmation() throws Exception {
        var rows = ask("history");
        Map<String, String> rank = rows.stream().collect(Collectors.toMap(r -> r.get("event"), r -> r.get("rank")));
        String tiananmen = ID + "tiananmen-killings-1989", embargo = ID + "eu-arms-embargo-on-china",
                designation = ID + "us-designation-2020-07-09", agreement = ID + "eu-china-investment-agreement-in-principle",
                determination = ID + "genocide-determination-2021-01-19", reaffirmation = ID + "genocide-determination-reaffirmation";
        assertTrue(rank.keySet().containsAll(Set.of(tiananmen, embargo, designation, agreement, determination, reaffirmation,
                ID + "tense-us-china-meeting", ID + "statement-party-media-warning-before-2021-03-22")), rank.toString());
        assertFalse(rank.containsKey(ID + "eu-listing-2021-03-22"), "the day's own moves are not before it");
        assertEquals("1", rank.get(tiananmen));
        assertEquals("1989-01-01", rows.stream().filter(r -> r.get("event").equals(tiananmen)).findFirst().orElseThrow().get("earliest"));
        assertTrue(Integer.parseInt(rank.get(embargo)) > Integer.parseInt(rank.get(tiananmen)), "'following the 1989 killings'");
        assertTrue(Integer.parseInt(rank.get(designation)) < Integer.parseInt(rank.get(agreement)), "July 2020, then December 2020");
        assertTrue(Integer.parseInt(rank.get(agreement)) < Integer.parseInt(rank.get(determination)), "then January 2021");
        assertTrue(Integer.parseInt(rank.get(determination)) < Integer.parseInt(rank.get(reaffirmation)), "'has since reaffirmed'");
        Set<String> before2020 = set(ask("history?before=2020-01-01"), "event");
        assertEquals(Set.of(tiananmen, embargo), before2020, "only 1989 and what may have followed it before 2020");
    }

    @Test
    void beijingsDenialAndLexmannsTwoGroupsAreContestedAndTheGroupsExcludeEachOther() throws Exception {
        var rows = ask("contested");
        String abuses = ID + "proposition-human-rights-abuses-in-xinjiang",
                renew = ID + "proposition-lexmann-in-renew-group", epp = ID + "proposition-lexmann-in-epp-group";
        assertEquals(Set.of(abuses, renew, epp), set(rows, "proposition"));
        var onAbuses = rows.stream().filter(r -> r.get("proposition").equals(abuses)).toList();
        assertTrue(onAbuses.stream().anyMatch(r -> r.get("claimant").equals(CHINA) && r.get("stance").equals("denies")), onAbuses.toString());
        assertTrue(onAbuses.stream().anyMatch(r -> r.get("claimant").equals(ID + "report-2021-03-22-xinjiang-sanctions")
                && r.get("stance").equals("asserts")), onAbuses.toString());
        Map<String, Set<String>> conflicts = grouped(rows.stream().filter(r -> r.containsKey("conflictsWith")).toList(), "proposition", "conflictsWith");
        assertEquals(Map.of(renew, Set.of(epp), epp, Set.of(renew)), conflicts, "S5: Renew per the ministry, EPP per the Parliament");
        assertEquals(Set.of(ID + "china-ministry-of-foreign-affairs"),
                set(rows.stream().filter(r -> r.get("proposition").equals(renew)).toList(), "claimant"));
        assertEquals(Set.of(ID + "european-parliament"),
                set(rows.stream().filter(r -> r.get("proposition").equals(epp)).toList(), "claimant"));
    }
}
