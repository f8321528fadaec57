package au.ausjobs.job.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import au.ausjobs.job.place.Gazetteer;

/**
 * What a job must have for a search to match it, worked out once from the search's parsed words and its filters, so
 * that testing it against a job costs a few hash lookups instead of a parse and a Lucene query. It is a necessary
 * condition, never a sufficient one: {@link #admits} answers false only when the search's Lucene query cannot match the
 * job, and a true answer must still be confirmed by that query ({@link JobSearchIndex.SingleJob#matches}).
 * <ul>
 * <li>{@code anyOf}: groups of indexed terms ("field\0term", interned, so searches share them); the job must hold at
 * least one term of every group. From the words: a term, every term of a phrase, every required clause of a boolean
 * query, and for an OR one group that unites one group of each alternative. Anything else (wildcards, fuzzy, ranges,
 * a query of NOTs only) adds no group. From the filters: one group per category / employment type / work mode /
 * state filter, with its values, exactly as {@code LuceneJobSearchIndex.matching} builds them.</li>
 * <li>{@code near}: the job must have a location within the radius plus a margin (Lucene measures on encoded
 * coordinates with its own formula; the margin covers the difference and the query decides).</li>
 * <li>{@code salaryMin}: the job's annual top salary must reach it (the same comparison as the point range query).</li>
 * </ul>
 */
final class SearchPrefilter implements JobSearchIndex.Prefilter {

    /** Kilometres added to a radius (a metre of difference would do: Lucene's encoding is finer than a centimetre). */
    static final double RADIUS_MARGIN_KM = 0.5;
    private static final String[][] NO_GROUPS = new String[0][];

    private final String[][] anyOf;
    private final double lat;
    private final double lon;
    /** NaN without a place. */
    private final double maxKm;
    /** Long.MIN_VALUE without a salary filter. */
    private final long salaryMin;

    private SearchPrefilter(String[][] anyOf, double lat, double lon, double maxKm, long salaryMin) {
        this.anyOf = anyOf;
        this.lat = lat;
        this.lon = lon;
        this.maxKm = maxKm;
        this.salaryMin = salaryMin;
    }

    static SearchPrefilter of(Query words, SearchRequest request, Gazetteer.Place near) {
        List<Set<String>> groups = new ArrayList<>(required(words));
        anyOf(groups, "category", request.categories());
        anyOf(groups, "employmentType", request.employmentTypes());
        anyOf(groups, "workMode", request.workModes());
        anyOf(groups, "state", request.states());
        String[][] anyOf = groups.isEmpty() ? NO_GROUPS
            : groups.stream().map(g -> g.toArray(String[]::new)).toArray(String[][]::new);
        return new SearchPrefilter(anyOf, near == null ? 0 : near.lat(), near == null ? 0 : near.lon(),
            near == null ? Double.NaN : request.radiusKm() + RADIUS_MARGIN_KM,
            request.salaryMin() == null ? Long.MIN_VALUE : request.salaryMin());
    }

    /** The key of an indexed term, interned: many searches hold the same few thousand terms. */
    static String key(String field, String text) {
        return (field + '\0' + text).intern();
    }

    /**
     * Whether the search may match a job with these indexed terms (keys as {@link #key}), location ({@code hasPlace}
     * false without one) and annual top salary ({@code salaryAnnual} null without one).
     */
    boolean admits(Set<String> jobTerms, boolean hasPlace, double jobLat, double jobLon, Long salaryAnnual) {
        if (salaryMin != Long.MIN_VALUE && (salaryAnnual == null || salaryAnnual < salaryMin)) {
            return false;
        }
        groups:
        for (String[] group : anyOf) {
            for (String term : group) {
                if (jobTerms.contains(term)) {
                    continue groups;
                }
            }
            return false;
        }
        if (!Double.isNaN(maxKm)) {
            return hasPlace && Gazetteer.distanceKm(lat, lon, jobLat, jobLon) <= maxKm;
        }
        return true;
    }

    /** How many term references it holds (for the memory estimate). */
    int terms() {
        return Arrays.stream(anyOf).mapToInt(g -> g.length).sum();
    }

    private static void anyOf(List<Set<String>> groups, String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        Set<String> group = new LinkedHashSet<>();
        values.forEach(v -> group.add(key(field, v)));
        groups.add(group);
    }

    /** Groups of terms the query needs (one of each group); no group when nothing can be said. */
    static List<Set<String>> required(Query query) {
        if (query instanceof TermQuery term) {
            return List.of(Set.of(key(term.getTerm())));
        }
        if (query instanceof BoostQuery boost) {
            return required(boost.getQuery());
        }
        if (query instanceof ConstantScoreQuery constant) {
            return required(constant.getQuery());
        }
        if (query instanceof PhraseQuery phrase) {
            List<Set<String>> all = new ArrayList<>();
            for (Term term : phrase.getTerms()) {
                all.add(Set.of(key(term)));
            }
            return all;
        }
        if (query instanceof BooleanQuery bool) {
            List<Set<String>> all = new ArrayList<>();
            boolean anyRequired = false;
            for (BooleanClause clause : bool.clauses()) {
                if (clause.isRequired()) {
                    anyRequired = true;
                    all.addAll(required(clause.getQuery()));
                }
            }
            if (anyRequired) {
                return all;
            }
            // only SHOULD (and MUST_NOT) clauses: one of the SHOULD clauses must match, if there is any
            Set<String> union = new LinkedHashSet<>();
            boolean anyShould = false;
            for (BooleanClause clause : bool.clauses()) {
                if (clause.getOccur() == BooleanClause.Occur.SHOULD) {
                    anyShould = true;
                    List<Set<String>> alternative = required(clause.getQuery());
                    if (alternative.isEmpty()) {
                        return List.of();
                    }
                    union.addAll(alternative.stream().min((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow());
                }
            }
            return anyShould ? List.of(union) : List.of();
        }
        return List.of();
    }

    private static String key(Term term) {
        return key(term.field(), term.text());
    }
}
