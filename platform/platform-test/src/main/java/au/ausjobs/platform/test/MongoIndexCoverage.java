package au.ausjobs.platform.test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.repository.core.support.DefaultRepositoryMetadata;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.data.repository.support.Repositories;

/**
 * Checks, from declarations alone, that every query a Spring Data repository derives from a method name has an index
 * declared in code ({@code @Indexed}, {@code @CompoundIndex}) that serves it. Our test server (mongo-java-server)
 * ignores secondary indexes, so a missing one would only show in production, as a collection scan.
 * <p>
 * The rule is MongoDB's equality-sort-range rule: an index serves a query when its first keys are the query's
 * equality fields (in any order), followed by its sort fields and then its range fields, in that order. The
 * {@code _id} index serves queries on the id alone. Methods with {@code @Query} cannot be read and are reported,
 * unless listed as checked by hand.
 */
public final class MongoIndexCoverage {

    private static final Set<Part.Type> RANGES = Set.of(Part.Type.BETWEEN, Part.Type.LESS_THAN, Part.Type.LESS_THAN_EQUAL,
        Part.Type.GREATER_THAN, Part.Type.GREATER_THAN_EQUAL, Part.Type.BEFORE, Part.Type.AFTER, Part.Type.STARTING_WITH);

    private MongoIndexCoverage() {
    }

    /** The repositories of a running context: every derived query of each, without a serving index. */
    public static List<String> uncoveredQueries(ApplicationContext context, String... checkedByHand) {
        MongoMappingContext mapping = context.getBean(MongoMappingContext.class);
        Repositories repositories = new Repositories(context);
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> domainType : repositories) {
            repositories.getRepositoryInformationFor(domainType).ifPresent(info -> interfaces.add(info.getRepositoryInterface()));
        }
        return uncoveredQueries(mapping, interfaces, checkedByHand);
    }

    /** Each derived query of the given repository interfaces that no declared index serves, described for a person. */
    public static List<String> uncoveredQueries(MongoMappingContext mapping, Collection<Class<?>> repositoryInterfaces,
            String... checkedByHand) {
        Set<String> exempt = Set.of(checkedByHand);
        List<String> uncovered = new ArrayList<>();
        for (Class<?> repository : repositoryInterfaces) {
            Class<?> domainType = new DefaultRepositoryMetadata(repository).getDomainType();
            MongoPersistentEntity<?> entity = mapping.getRequiredPersistentEntity(domainType);
            List<List<String>> indexes = declaredIndexes(mapping, entity);
            for (Method method : repository.getDeclaredMethods()) {
                String name = repository.getSimpleName() + "." + method.getName();
                if (method.isDefault() || method.isSynthetic() || exempt.contains(name)) {
                    continue;
                }
                if (method.isAnnotationPresent(Query.class)) {
                    uncovered.add(name + ": @Query, not checked; check it by hand and list it as checked");
                    continue;
                }
                PartTree tree = new PartTree(method.getName(), domainType);
                for (PartTree.OrPart or : tree) {
                    Set<String> equality = new LinkedHashSet<>();
                    List<String> ranges = new ArrayList<>();
                    for (Part part : or) {
                        String field = fieldPath(mapping, part.getProperty());
                        if (RANGES.contains(part.getType())) {
                            ranges.add(field);
                        }
                        else {
                            equality.add(field);
                        }
                    }
                    List<String> rest = new ArrayList<>();
                    for (Sort.Order order : tree.getSort()) {
                        String field = fieldPath(mapping, PropertyPath.from(order.getProperty(), domainType));
                        if (!equality.contains(field) && !rest.contains(field)) {
                            rest.add(field);
                        }
                    }
                    for (String range : ranges) {
                        if (!rest.contains(range)) {
                            rest.add(range);
                        }
                    }
                    if (!served(indexes, equality, rest)) {
                        uncovered.add(name + ": no index starts with " + equality + " then " + rest + " (declared: " + indexes + ")");
                    }
                }
            }
        }
        return uncovered;
    }

    private static boolean served(List<List<String>> indexes, Set<String> equality, List<String> rest) {
        for (List<String> keys : indexes) {
            if (keys.size() < equality.size() + rest.size()) {
                continue;
            }
            if (Set.copyOf(keys.subList(0, equality.size())).equals(equality)
                    && keys.subList(equality.size(), equality.size() + rest.size()).equals(rest)) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> declaredIndexes(MongoMappingContext mapping, MongoPersistentEntity<?> entity) {
        List<List<String>> indexes = new ArrayList<>();
        indexes.add(List.of("_id"));
        IndexResolver resolver = new MongoPersistentEntityIndexResolver(mapping);
        resolver.resolveIndexFor(entity.getTypeInformation()).forEach(index -> {
            Document keys = index.getIndexKeys();
            indexes.add(List.copyOf(keys.keySet()));
        });
        return indexes;
    }

    /** The stored field path of a property path (respecting {@code @Field} names and {@code @Id} as _id). */
    private static String fieldPath(MongoMappingContext mapping, PropertyPath path) {
        List<String> fields = new ArrayList<>();
        MongoPersistentEntity<?> owner = mapping.getRequiredPersistentEntity(path.getOwningType());
        for (PropertyPath segment : path) {
            MongoPersistentProperty property = owner == null ? null : owner.getPersistentProperty(segment.getSegment());
            fields.add(property == null ? segment.getSegment() : property.getFieldName());
            owner = property != null && property.isEntity() ? mapping.getPersistentEntity(property) : null;
        }
        return String.join(".", fields);
    }
}
