package au.ausjobs.job.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A reproducible mix of what job seekers send, with the shares of the reference query generator: plain keywords
 * (35 %), keywords near a place with a radius (15 %), boolean queries (10 %), faceted filters (15 %), other sorts
 * (10 %), queries that match nothing (5 %) and autocomplete prefixes, some with a typo (10 %). Differences from the
 * reference, so that every request is one this API accepts: places are "Suburb STATE" or a postcode (the API does
 * not read "Suburb STATE 2150"); a category is a filter, not a {@code category:} field in the words; keywords with
 * query-syntax characters ("CI/CD") are quoted; employment types and work modes use the API's values; a
 * salaryMax filter is added (the reference names it but never sends it).
 */
final class QueryMix {

    enum Kind { KEYWORDS, NEAR, BOOLEAN, FILTERS, SORTED, NOTHING, AUTOCOMPLETE }

    /** One request; the benchmark maps it onto the HTTP API and onto a {@link SearchRequest}. */
    record BenchQuery(Kind kind, String q, List<String> categories, List<String> employmentTypes, List<String> workModes,
            List<String> states, Long salaryMin, Long salaryMax, Integer postedWithinDays, String near, int radiusKm,
            SearchRequest.Sort sort, String prefix) {

        static BenchQuery search(Kind kind, String q) {
            return new BenchQuery(kind, q, null, null, null, null, null, null, null, null, 25, SearchRequest.Sort.RELEVANCE,
                null);
        }

        BenchQuery near(String place, int radius, SearchRequest.Sort order) {
            return new BenchQuery(kind, q, categories, employmentTypes, workModes, states, salaryMin, salaryMax,
                postedWithinDays, place, radius, order, prefix);
        }

        BenchQuery sorted(SearchRequest.Sort order) {
            return new BenchQuery(kind, q, categories, employmentTypes, workModes, states, salaryMin, salaryMax,
                postedWithinDays, near, radiusKm, order, prefix);
        }

        BenchQuery filtered(List<String> category, List<String> type, List<String> mode, List<String> state, Long min,
                Long max, Integer days) {
            return new BenchQuery(kind, q, category, type, mode, state, min, max, days, near, radiusKm, sort, prefix);
        }

        /** What it is, in one line (for error reports). */
        String describe() {
            return kind == Kind.AUTOCOMPLETE ? "prefix=" + prefix
                : "q=" + q + " categories=" + categories + " types=" + employmentTypes + " modes=" + workModes + " states="
                    + states + " salary=" + salaryMin + ".." + salaryMax + " days=" + postedWithinDays + " near=" + near
                    + "/" + radiusKm + " sort=" + sort;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final double[] KIND_WEIGHTS = { 35, 15, 10, 15, 10, 5, 10 };
    private static final List<String> NONSENSE = List.of("zxqv plorb", "quantum basket weaver", "xylophone actuary",
        "blorptastic", "ninja rockstar guru");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[^A-Za-z0-9-]");
    private static final Pattern SYNTAX = Pattern.compile("[/:\\\\(){}\\[\\]^\"~*?!]");

    private final Random random;
    private final List<JobCorpus.Locality> towns;

    QueryMix(long seed) {
        this.random = new Random(seed);
        // major cities and inner regional towns, as in the reference mix
        this.towns = JobCorpus.localities().stream().filter(l -> l.remoteness() == 1 || l.remoteness() == 2).toList();
    }

    List<BenchQuery> generate(int count) {
        JobCorpus.Weighted kinds = new JobCorpus.Weighted(KIND_WEIGHTS);
        List<BenchQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(next(KINDS[kinds.next(random)]));
        }
        return queries;
    }

    private BenchQuery next(Kind kind) {
        return switch (kind) {
            case AUTOCOMPLETE -> autocomplete();
            case KEYWORDS -> BenchQuery.search(kind, keywords());
            case NEAR -> BenchQuery.search(kind, keywords()).near(place(), pick(List.of(5, 10, 25, 50, 100)),
                random.nextBoolean() ? SearchRequest.Sort.RELEVANCE : SearchRequest.Sort.DISTANCE);
            case BOOLEAN -> booleanQuery();
            case FILTERS -> filters(BenchQuery.search(kind, random.nextDouble() < 0.6 ? keywords() : null));
            case SORTED -> BenchQuery.search(kind, keywords())
                .sorted(random.nextBoolean() ? SearchRequest.Sort.DATE : SearchRequest.Sort.SALARY);
            case NOTHING -> BenchQuery.search(kind, pick(NONSENSE));
        };
    }

    private BenchQuery autocomplete() {
        int source = random.nextInt(3);
        String word;
        if (source == 2) {
            word = pick(towns).name().toLowerCase(Locale.ROOT);
        }
        else {
            JobCorpus.Category category = pick(JobCorpus.CATEGORIES);
            word = pick(source == 0 ? category.titles() : category.skills()).toLowerCase(Locale.ROOT);
        }
        int length = 3 + random.nextInt(Math.max(3, Math.min(8, word.length())) - 2);
        String prefix = word.substring(0, Math.min(length, word.length()));
        if (random.nextDouble() < 0.3 && prefix.length() >= 4) {
            int i = 1 + random.nextInt(prefix.length() - 2);
            prefix = prefix.substring(0, i) + prefix.charAt(i + 1) + prefix.charAt(i) + prefix.substring(i + 2);
        }
        return new BenchQuery(Kind.AUTOCOMPLETE, null, null, null, null, null, null, null, null, null, 0, null, prefix);
    }

    /** A title, a skill or the last word of a title, as typed (lower case); quoted if it holds query syntax. */
    private String keywords() {
        JobCorpus.Category category = pick(JobCorpus.CATEGORIES);
        String title = pick(category.titles());
        String skill = pick(category.skills());
        String[] words = pick(category.titles()).split(" ");
        String term = switch (random.nextInt(3)) {
            case 0 -> title;
            case 1 -> skill;
            default -> words[words.length - 1];
        };
        term = term.toLowerCase(Locale.ROOT);
        return SYNTAX.matcher(term).find() ? "\"" + term + "\"" : term;
    }

    private BenchQuery booleanQuery() {
        JobCorpus.Category category = pick(JobCorpus.CATEGORIES);
        List<String> skills = new ArrayList<>(category.skills());
        java.util.Collections.shuffle(skills, random);
        String a = quote(skills.get(0));
        String b = quote(skills.get(1));
        String c = quote(skills.get(2));
        String[] lastWords = pick(category.titles()).split(" ");
        String t1 = pick(category.titles());
        String t2 = pick(category.titles());
        return switch (random.nextInt(6)) {
            case 0 -> BenchQuery.search(Kind.BOOLEAN, "(" + a + " OR " + b + ") AND NOT " + c);
            case 1 -> BenchQuery.search(Kind.BOOLEAN, "\"" + t1 + "\" AND " + a);
            case 2 -> BenchQuery.search(Kind.BOOLEAN, "title:" + lastWords[lastWords.length - 1].toLowerCase(Locale.ROOT)
                + " AND NOT senior");
            case 3 -> BenchQuery.search(Kind.BOOLEAN, a + " AND (" + b + " OR " + c + ")");
            case 4 -> BenchQuery.search(Kind.BOOLEAN, "\"" + t1 + "\" OR \"" + t2 + "\"");
            // the reference writes category:"..." in the words; here the category is the filter it means
            default -> BenchQuery.search(Kind.BOOLEAN, "skills:" + a)
                .filtered(List.of(category.name()), null, null, null, null, null, null);
        };
    }

    private BenchQuery filters(BenchQuery query) {
        List<String> category = random.nextDouble() < 0.5 ? List.of(pick(JobCorpus.CATEGORIES).name()) : null;
        List<String> type = random.nextDouble() < 0.4 ? List.of(pick(List.of("FULL_TIME", "PART_TIME", "CONTRACTOR", "PER_DIEM"))) : null;
        List<String> mode = random.nextDouble() < 0.4 ? List.of(pick(List.of("REMOTE", "HYBRID", "ON_SITE"))) : null;
        List<String> state = random.nextDouble() < 0.4 ? List.of(pick(List.copyOf(JobCorpus.STATES.keySet()))) : null;
        Long min = random.nextDouble() < 0.3 ? pick(List.of(60_000L, 80_000L, 100_000L, 120_000L, 150_000L)) : null;
        Long max = random.nextDouble() < 0.15 ? pick(List.of(80_000L, 100_000L, 120_000L, 150_000L, 200_000L)) : null;
        if (min != null && max != null && max < min) {
            max = null;
        }
        Integer days = random.nextDouble() < 0.2 ? pick(List.of(1, 3, 7, 14)) : null;
        if (category == null && type == null && mode == null && state == null && min == null && max == null && days == null) {
            state = List.of("NSW");
        }
        return query.filtered(category, type, mode, state, min, max, days);
    }

    /** "Suburb STATE" (two in three) or the postcode. */
    private String place() {
        JobCorpus.Locality town = pick(towns);
        return random.nextInt(3) < 2 ? town.name() + " " + town.state() : town.postcode();
    }

    /** Quotes a term that is more than letters, digits and hyphens ("Mental health", "CI/CD"). */
    private static String quote(String term) {
        return NEEDS_QUOTES.matcher(term).find() ? "\"" + term + "\"" : term;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
