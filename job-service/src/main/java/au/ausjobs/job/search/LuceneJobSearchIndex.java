package au.ausjobs.job.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import au.ausjobs.events.job.JobPostingData;
import au.ausjobs.job.place.Gazetteer;
import au.ausjobs.platform.web.ApiException;

/**
 * The job index in Lucene, in memory (it is derived data: rebuilt from MongoDB at start, kept current from
 * ausjobs.jobs.v1). Words are matched with English stemming in the title (boost 3), skills (2), company (1.5) and
 * description (1), all words required unless the query says OR; the score is then multiplied by freshness and, while
 * a job is featured, by the feature boost ({@link RankingBoost}). Facets count what matched, each with every filter
 * but its own (drill sideways).
 */
@Component
class LuceneJobSearchIndex implements JobSearchIndex, AutoCloseable {

    static final Map<String, Float> TEXT_FIELDS = Map.of("title", 3f, "skills", 2f, "company", 1.5f, "description", 1f);
    static final List<String> FACETS = List.of("category", "employmentType", "workMode", "state");
    static final List<String> ALL_FACETS = List.of("category", "employmentType", "workMode", "state", "datePosted", "salaryBand");

    /** What a preferred category or state adds to a job's score. */
    static final float PREFERENCE_BOOST = 1.0f;

    private static final Pattern FIELD_PREFIX = Pattern.compile("(?<![\\w\\\\])([A-Za-z_][\\w.]*):");
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private final Gazetteer gazetteer;

    LuceneJobSearchIndex(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        facetsConfig.setMultiValued("employmentType", true);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open the job index", e);
        }
    }

    @Override
    public void upsert(String jobId, JobPostingData posting) {
        try {
            writer.updateDocument(new Term("id", jobId), facetsConfig.build(document(jobId, posting)));
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(String jobId) {
        try {
            writer.deleteDocuments(new Term("id", jobId));
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized int rebuild(Stream<IndexedJob> liveJobs) {
        try {
            writer.deleteAll();
            int[] count = { 0 };
            liveJobs.forEach(job -> {
                try {
                    writer.addDocument(facetsConfig.build(document(job.jobId(), job.posting())));
                    count[0]++;
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.commit();
            searchers.maybeRefreshBlocking();
            return count[0];
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole query as of now. */
    Query query(SearchRequest request, Query words, Gazetteer.Place near) {
        return query(request, words, near, System.currentTimeMillis());
    }

    /**
     * The whole query: the words, the filters, the preferences, times freshness and features as of {@code now} (a
     * cursor's later pages use the first page's {@code now}, so every page ranks by the same scores).
     */
    Query query(SearchRequest request, Query words, Gazetteer.Place near, long now) {
        return FunctionScoreQuery.boostByValue(matching(request, words, near, now), new RankingBoost(now));
    }

    /** The words, the filters and the preferences, without freshness and features (which decide order, not matching). */
    BooleanQuery matching(SearchRequest request, Query words, Gazetteer.Place near, long now) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        anyOf(all, "category", request.categories());
        anyOf(all, "employmentType", request.employmentTypes());
        anyOf(all, "workMode", request.workModes());
        anyOf(all, "state", request.states());
        if (near != null) {
            all.add(LatLonPoint.newDistanceQuery("location", near.lat(), near.lon(), request.radiusKm() * 1000.0),
                BooleanClause.Occur.FILTER);
        }
        if (request.salaryMin() != null) {
            all.add(LongPoint.newRangeQuery("salaryAnnual", request.salaryMin(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        if (request.salaryMax() != null) {
            all.add(LongPoint.newRangeQuery("salaryAnnualMin", Long.MIN_VALUE, request.salaryMax()), BooleanClause.Occur.FILTER);
        }
        if (request.postedWithinDays() != null) {
            all.add(LongPoint.newRangeQuery("datePostedPoint", now - Duration.ofDays(request.postedWithinDays()).toMillis(),
                Long.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        // Personalisation: a signed-in seeker's preferred categories and states (from their saved searches) add to
        // the score of the jobs that have them, without filtering anything out.
        for (String category : request.preferredCategories()) {
            all.add(new BoostQuery(new TermQuery(new Term("category", category)), PREFERENCE_BOOST), BooleanClause.Occur.SHOULD);
        }
        for (String state : request.preferredStates()) {
            all.add(new BoostQuery(new TermQuery(new Term("state", state)), PREFERENCE_BOOST), BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    Gazetteer.Place place(SearchRequest request) {
        Gazetteer.Place near = request.near() == null || request.near().isBlank() ? null : gazetteer.resolve(request.near());
        if (near == null && request.sort() == SearchRequest.Sort.DISTANCE) {
            throw badQuery("Sorting by distance needs a place: near=<suburb, postcode or lat,lon>");
        }
        return near;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        Query words = words(request.query());
        Gazetteer.Place near = place(request);
        Cursor cursor = request.cursor() == null ? null : decodeCursor(request.cursor(), request.sort());
        long now = cursor == null ? System.currentTimeMillis() : cursor.now();
        Query query = query(request, words, near, now);
        Sort sort = switch (request.sort()) {
            case DATE -> new Sort(new SortField("datePosted", SortField.Type.LONG, true), new SortField("idSort", SortField.Type.STRING));
            case SALARY -> new Sort(new SortField("salaryAnnualValue", SortField.Type.LONG, true), new SortField("idSort", SortField.Type.STRING));
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, new SortField("idSort", SortField.Type.STRING));
            case DISTANCE -> new Sort(LatLonDocValuesField.newDistanceSort("locationSort", near.lat(), near.lon()),
                new SortField("idSort", SortField.Type.STRING));
        };
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // The sort ends with the unique job id, so only the cursor's own job ties on every field; giving it the
                // highest doc id makes Lucene skip it (it was the previous page's last result).
                FieldDoc after = cursor == null ? null
                    : new FieldDoc(Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, cursor.fields());
                TopFieldDocs top = after == null ? searcher.search(query, request.size() + 1, sort, true)
                    : searcher.searchAfter(after, query, request.size() + 1, sort, true);
                boolean more = top.scoreDocs.length > request.size();
                ScoreDoc[] page = java.util.Arrays.copyOf(top.scoreDocs, Math.min(top.scoreDocs.length, request.size()));
                Map<String, String[]> highlights = highlight(searcher, words, page);
                List<SearchResult.Hit> hits = new ArrayList<>();
                for (int i = 0; i < page.length; i++) {
                    hits.add(hit(searcher.storedFields().document(page[i].doc), highlights, i, near));
                }
                String next = more && page.length > 0 ? encodeCursor((FieldDoc) page[page.length - 1], now) : null;
                return new SearchResult(top.totalHits.value, hits, facets(searcher, query, request, words, near, now), next);
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The job alone in a Lucene MemoryIndex, built with the same fields and analyzer as the main index (facet fields
     * aside: they only count), so a search's query matches it exactly when it would match the job in the main index.
     */
    @Override
    public SingleJob single(String jobId, JobPostingData posting) {
        MemoryIndex memory = new MemoryIndex();
        for (IndexableField field : document(jobId, posting)) {
            if (!(field instanceof SortedSetDocValuesFacetField)) {
                memory.addField(field, analyzer);
            }
        }
        memory.freeze();
        IndexSearcher searcher = memory.createSearcher();
        long now = System.currentTimeMillis();
        // for the prefilters: every indexed term of the job, its place and its annual top salary, as indexed above
        Set<String> terms = new HashSet<>();
        try {
            LeafReader reader = (LeafReader) searcher.getIndexReader();
            for (FieldInfo field : reader.getFieldInfos()) {
                Terms fieldTerms = field.getIndexOptions() == IndexOptions.NONE ? null : reader.terms(field.name);
                if (fieldTerms != null) {
                    TermsEnum each = fieldTerms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        terms.add(field.name + '\0' + term.utf8ToString());
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Gazetteer.Place place = posting.suburb() == null ? null
            : gazetteer.locality(posting.suburb(), posting.postcode()).orElse(null);
        Long salaryAnnual = posting.salaryMax() == null ? null : annual(posting.salaryMax(), posting.salaryUnit());
        return new SingleJob() {

            @Override
            public boolean matches(SearchRequest request) {
                try {
                    return searcher.count(matching(request, words(request.query()), place(request), now)) > 0;
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean mayMatch(Prefilter prefilter) {
                return ((SearchPrefilter) prefilter).admits(terms, place != null, place == null ? 0 : place.lat(),
                    place == null ? 0 : place.lon(), salaryAnnual);
            }
        };
    }

    @Override
    public Prefilter prefilter(SearchRequest request) {
        return SearchPrefilter.of(words(request.query()), request, place(request));
    }

    @Override
    public SearchResult postedSince(SearchRequest request, Instant since, Instant until, Collection<String> excludedJobIds) {
        Query words = words(request.query());
        Gazetteer.Place near = place(request);
        BooleanQuery.Builder all = new BooleanQuery.Builder()
            .add(matching(request, words, near, until.toEpochMilli()), BooleanClause.Occur.MUST)
            .add(LongPoint.newRangeQuery("datePostedPoint", since.toEpochMilli(), until.toEpochMilli() - 1),
                BooleanClause.Occur.FILTER);
        excludedJobIds.forEach(id -> all.add(new TermQuery(new Term("id", id)), BooleanClause.Occur.MUST_NOT));
        Query query = all.build();
        Sort newest = new Sort(new SortField("datePosted", SortField.Type.LONG, true), new SortField("idSort", SortField.Type.STRING));
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopFieldDocs top = searcher.search(query, request.size(), newest);
                List<SearchResult.Hit> hits = new ArrayList<>();
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    hits.add(hit(searcher.storedFields().document(top.scoreDocs[i].doc), Map.of(), i, near));
                }
                return new SearchResult(searcher.count(query), hits, Map.of(), null);
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words as a Lucene query; a syntax error or an unknown field is the caller's mistake: 400 with the position. */
    Query words(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        Matcher field = FIELD_PREFIX.matcher(text);
        while (field.find()) {
            if (!insideQuotes(text, field.start()) && !TEXT_FIELDS.containsKey(field.group(1))) {
                throw badQuery("Unknown field '" + field.group(1) + "' at position " + (field.start() + 1)
                    + "; you can search in " + String.join(", ", List.of("title", "skills", "company", "description")));
            }
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(TEXT_FIELDS.keySet().toArray(String[]::new), analyzer,
            TEXT_FIELDS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text);
        }
        catch (ParseException | RuntimeException e) {
            Matcher column = COLUMN.matcher(String.valueOf(e.getMessage()));
            String where = column.find() ? " at position " + column.group(1) : "";
            throw badQuery("The search words cannot be read" + where
                + ": check quotes, brackets and AND/OR/NOT (a word after NOT, a closing bracket for each opening one)");
        }
    }

    private static boolean insideQuotes(String text, int position) {
        int quotes = 0;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static ApiException badQuery(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-search-query", "Bad search query", detail);
    }

    private static void anyOf(BooleanQuery.Builder all, String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD));
        all.add(any.build(), BooleanClause.Occur.FILTER);
    }

    /**
     * Each facet counts what the search matched, with every filter but its own (drill sideways): picking a category
     * narrows the other facets, while the category facet still shows the other categories and their counts, so
     * the seeker can widen the choice. With no filter, every facet counts the same matches.
     */
    private Map<String, List<SearchResult.FacetCount>> facets(IndexSearcher searcher, Query query, SearchRequest request,
            Query words, Gazetteer.Place near, long now) throws IOException {
        Map<String, List<SearchResult.FacetCount>> result = new LinkedHashMap<>();
        if (searcher.getIndexReader().numDocs() == 0) {
            FACETS.forEach(d -> result.put(d, List.of()));
            result.put("datePosted", List.of());
            result.put("salaryBand", List.of());
            return result;
        }
        FacetsCollector matched = searcher.search(query, new FacetsCollectorManager());
        Map<String, FacetsCollector> sideways = new java.util.HashMap<>();
        for (String facet : ALL_FACETS) {
            if (request.filtersOn(facet)) {
                Query relaxed = query(request.withoutFilterOn(facet), words, near, now);
                sideways.put(facet, searcher.search(relaxed, new FacetsCollectorManager()));
            }
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
        Facets counts = new SortedSetDocValuesFacetCounts(state, matched);
        for (String dimension : FACETS) {
            Facets these = sideways.containsKey(dimension)
                ? new SortedSetDocValuesFacetCounts(state, sideways.get(dimension)) : counts;
            FacetResult top = these.getTopChildren(20, dimension);
            result.put(dimension, top == null ? List.of() : labels(top));
        }
        Facets posted = new LongRangeFacetCounts("datePosted", sideways.getOrDefault("datePosted", matched),
            new LongRange("last 24 hours", now - Duration.ofDays(1).toMillis(), true, Long.MAX_VALUE, true),
            new LongRange("last 7 days", now - Duration.ofDays(7).toMillis(), true, Long.MAX_VALUE, true),
            new LongRange("last 30 days", now - Duration.ofDays(30).toMillis(), true, Long.MAX_VALUE, true));
        result.put("datePosted", labels(posted.getAllChildren("datePosted")));
        Facets salary = new LongRangeFacetCounts("salaryAnnualValue", sideways.getOrDefault("salaryBand", matched),
            new LongRange("under $50k", 1, true, 50_000, false),
            new LongRange("$50k-$80k", 50_000, true, 80_000, false),
            new LongRange("$80k-$120k", 80_000, true, 120_000, false),
            new LongRange("$120k-$160k", 120_000, true, 160_000, false),
            new LongRange("$160k and more", 160_000, true, Long.MAX_VALUE, true));
        result.put("salaryBand", labels(salary.getAllChildren("salaryAnnualValue")));
        return result;
    }

    private static List<SearchResult.FacetCount> labels(FacetResult facet) {
        List<SearchResult.FacetCount> counts = new ArrayList<>();
        for (LabelAndValue lv : facet.labelValues) {
            counts.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
        }
        return counts;
    }

    private Map<String, String[]> highlight(IndexSearcher searcher, Query words, ScoreDoc[] page) throws IOException {
        if (page.length == 0 || words instanceof MatchAllDocsQuery) {
            return Map.of();
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)).build();
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        // one passage of the title, two of the description
        Map<String, String[]> found = highlighter.highlightFields(new String[] { "title", "description" }, words, docs,
            new int[] { 1, 2 });
        return found;
    }

    private static SearchResult.Hit hit(Document doc, Map<String, String[]> highlights, int index, Gazetteer.Place near) {
        Map<String, String> marked = new LinkedHashMap<>();
        highlights.forEach((field, snippets) -> {
            if (snippets[index] != null && snippets[index].contains("<mark>")) {
                marked.put(field, snippets[index]);
            }
        });
        return new SearchResult.Hit(doc.get("id"), doc.get("title"), doc.get("company"), doc.get("suburb"), doc.get("stateValue"),
            doc.get("postcode"), doc.get("workModeValue"), List.of(doc.getValues("employmentTypeValue")),
            decimal(doc.get("salaryMin")), decimal(doc.get("salaryMax")), doc.get("salaryUnit"), doc.get("categoryValue"),
            instant(doc.get("datePostedValue")), instant(doc.get("validThroughValue")), featured(doc), distance(doc, near),
            marked.isEmpty() ? null : marked);
    }

    /** True while the job's feature runs; null (left out) otherwise. */
    private static Boolean featured(Document doc) {
        String until = doc.get("featuredUntilValue");
        return until != null && Instant.parse(until).isAfter(Instant.now()) ? Boolean.TRUE : null;
    }

    private static Double distance(Document doc, Gazetteer.Place near) {
        if (near == null || doc.getField("lat") == null) {
            return null;
        }
        double km = Gazetteer.distanceKm(near.lat(), near.lon(), doc.getField("lat").numericValue().doubleValue(),
            doc.getField("lon").numericValue().doubleValue());
        return Math.round(km * 10) / 10.0;
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private Document document(String jobId, JobPostingData p) {
        Document doc = new Document();
        doc.add(new StringField("id", jobId, Field.Store.YES));
        doc.add(new SortedDocValuesField("idSort", new BytesRef(jobId)));
        doc.add(new TextField("title", p.title(), Field.Store.YES));
        doc.add(new TextField("description", Jsoup.parse(p.descriptionHtml()).text(), Field.Store.YES));
        doc.add(new TextField("skills", String.join(", ", p.skills() == null ? List.of() : p.skills()), Field.Store.NO));
        if (p.companyName() != null) {
            doc.add(new TextField("company", p.companyName(), Field.Store.YES));
        }
        keyword(doc, "category", p.category());
        keyword(doc, "workMode", p.workMode());
        keyword(doc, "state", p.state());
        for (String type : p.employmentTypes()) {
            keyword(doc, "employmentType", type);
        }
        if (p.suburb() != null) {
            doc.add(new StoredField("suburb", p.suburb()));
            doc.add(new StoredField("postcode", p.postcode()));
            gazetteer.locality(p.suburb(), p.postcode()).ifPresent(place -> {
                doc.add(new LatLonPoint("location", place.lat(), place.lon()));
                doc.add(new LatLonDocValuesField("locationSort", place.lat(), place.lon()));
                doc.add(new StoredField("lat", place.lat()));
                doc.add(new StoredField("lon", place.lon()));
            });
        }
        if (p.salaryMax() != null) {
            long annual = annual(p.salaryMax(), p.salaryUnit());
            doc.add(new LongPoint("salaryAnnual", annual));
            doc.add(new LongPoint("salaryAnnualMin", annual(p.salaryMin(), p.salaryUnit())));
            doc.add(new NumericDocValuesField("salaryAnnualValue", annual));
            doc.add(new StoredField("salaryMin", p.salaryMin().toPlainString()));
            doc.add(new StoredField("salaryMax", p.salaryMax().toPlainString()));
            doc.add(new StoredField("salaryUnit", p.salaryUnit()));
        }
        else {
            doc.add(new NumericDocValuesField("salaryAnnualValue", 0));
        }
        long posted = p.datePosted() == null ? 0 : p.datePosted().toEpochMilli();
        doc.add(new NumericDocValuesField("datePosted", posted));
        if (p.datePosted() != null) {
            doc.add(new LongPoint("datePostedPoint", posted));
            doc.add(new StoredField("datePostedValue", p.datePosted().toString()));
        }
        doc.add(new NumericDocValuesField("featuredUntil", p.featuredUntil() == null ? 0 : p.featuredUntil().toEpochMilli()));
        if (p.featuredUntil() != null) {
            doc.add(new StoredField("featuredUntilValue", p.featuredUntil().toString()));
        }
        doc.add(new StoredField("validThroughValue", p.validThrough().toString()));
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new StoredField(field + "Value", value));
        doc.add(new SortedSetDocValuesFacetField(field, value));
    }

    /** The salary per year, to compare hourly, daily and yearly pay (38-hour weeks, 5-day weeks, 52 weeks). */
    static long annual(BigDecimal amount, String unit) {
        BigDecimal factor = switch (unit) {
            case "HOUR" -> BigDecimal.valueOf(38L * 52);
            case "DAY" -> BigDecimal.valueOf(5L * 52);
            case "WEEK" -> BigDecimal.valueOf(52);
            case "MONTH" -> BigDecimal.valueOf(12);
            default -> BigDecimal.ONE;
        };
        return amount.multiply(factor).longValue();
    }

    /** Where a page ended (its last hit's sort values) and the moment the first page was ranked at. */
    private record Cursor(Object[] fields, long now) {
    }

    private static String encodeCursor(FieldDoc last, long now) {
        Object first = last.fields[0];
        String value = first instanceof BytesRef ref ? ref.utf8ToString() : String.valueOf(first);
        String id = ((BytesRef) last.fields[1]).utf8ToString();
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((value + "\n" + id + "\n" + now).getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decodeCursor(String cursor, SearchRequest.Sort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            Object first = switch (sort) {
                case RELEVANCE -> Float.valueOf(parts[0]);
                case DISTANCE -> Double.valueOf(parts[0]);
                default -> Long.valueOf(parts[0]);
            };
            long now = parts.length == 3 ? Long.parseLong(parts[2]) : System.currentTimeMillis();
            return new Cursor(new Object[] { first, new BytesRef(parts[1]) }, now);
        }
        catch (RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-cursor", "Bad cursor",
                "The cursor is not one this search gave out; start again from the first page");
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
