package au.ausjobs.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import au.ausjobs.platform.test.MongoIndexCoverage;

/**
 * Every query billing-service's repositories derive has an index declared in code that serves it (our test server
 * ignores secondary indexes, so only the declarations can be checked here).
 */
class IndexDeclarationsTests extends BillingServiceTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyRepositoryQueryHasADeclaredIndexThatServesIt() {
        assertThat(MongoIndexCoverage.uncoveredQueries(context)).isEmpty();
    }
}
