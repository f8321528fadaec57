package au.ausjobs.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** The index check passes queries that a declared index serves and names each one that none serves. */
class MongoIndexCoverageTests {

    @Document("widgets")
    @CompoundIndex(name = "owner_status_updated", def = "{'owner': 1, 'status': 1, 'updatedAt': -1}")
    static class Widget {
        @Id
        String id;
        @Indexed(unique = true)
        String code;
        String owner;
        String status;
        Instant updatedAt;
        @Field("tz")
        @Indexed
        String timeZone;
        String colour;
    }

    interface ServedQueries extends MongoRepository<Widget, String> {

        Widget findByCode(String code);

        boolean existsByCode(String code);

        List<Widget> findByOwnerAndStatusOrderByUpdatedAtDesc(String owner, String status);

        long countByStatusAndOwner(String status, String owner);

        List<Widget> findByOwnerAndStatusAndUpdatedAtBefore(String owner, String status, Instant before);

        List<Widget> findByTimeZone(String timeZone);
    }

    interface UnservedQueries extends MongoRepository<Widget, String> {

        List<Widget> findByOwnerOrderByUpdatedAtDesc(String owner);

        List<Widget> findByColour(String colour);

        List<Widget> findByUpdatedAtBefore(Instant before);

        @Query("{ 'colour': ?0 }")
        List<Widget> paintedIn(String colour);
    }

    final MongoMappingContext mapping = mappingContext();

    static MongoMappingContext mappingContext() {
        MongoMappingContext context = new MongoMappingContext();
        // as Boot configures it: java.time and the other converted types are values, not entities
        context.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        return context;
    }

    @Test
    void passesQueriesThatADeclaredIndexServes() {
        assertThat(MongoIndexCoverage.uncoveredQueries(mapping, List.of(ServedQueries.class))).isEmpty();
    }

    @Test
    void namesEveryQueryNoIndexServes() {
        List<String> uncovered = MongoIndexCoverage.uncoveredQueries(mapping, List.of(UnservedQueries.class));
        assertThat(uncovered).hasSize(4);
        assertThat(uncovered).anySatisfy(line -> assertThat(line)
            .startsWith("UnservedQueries.findByOwnerOrderByUpdatedAtDesc: no index starts with [owner] then [updatedAt]"));
        assertThat(uncovered).anySatisfy(line -> assertThat(line).startsWith("UnservedQueries.findByColour:"));
        assertThat(uncovered).anySatisfy(line -> assertThat(line).startsWith("UnservedQueries.findByUpdatedAtBefore:"));
        assertThat(uncovered).anySatisfy(line -> assertThat(line).startsWith("UnservedQueries.paintedIn: @Query"));
    }

    @Test
    void aQueryCheckedByHandCanBeListedAsSuch() {
        assertThat(MongoIndexCoverage.uncoveredQueries(mapping, List.of(UnservedQueries.class), "UnservedQueries.paintedIn"))
            .hasSize(3).noneMatch(line -> line.contains("paintedIn"));
    }
}
